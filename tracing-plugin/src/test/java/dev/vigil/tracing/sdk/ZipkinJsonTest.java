package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipkinJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static SpanRecord span(String id, String parent, SpanKind kind, long start, long end, SpanStatus status,
            Map<String, String> attributes, List<SpanRecord.Event> events) {
        return new SpanRecord(TRACE, id, parent, "GET /orders", kind, start, end, status,
                Map.of("service.name", "checkout", "host.name", "web-1", "region", "eu"), "dev.vigil.test", attributes, events,
                List.of(new SpanRecord.Link(TRACE, "1111111111111111", Map.of())));
    }

    private static JsonNode one(SpanRecord span) throws Exception {
        JsonNode array = JSON.readTree(ZipkinJson.write(List.of(span)));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void writesTheV2Model() throws Exception {
        SpanRecord record = span("00f067aa0ba902b7", "a3ce929d0e0e4736", SpanKind.SERVER, 1_700_000_000_123_456_789L,
                1_700_000_000_323_456_789L, SpanStatus.UNSET, Map.of("http.route", "/orders", "region", "us"),
                List.of(new SpanRecord.Event(1_700_000_000_200_000_999L, "cache miss", Map.of()),
                        new SpanRecord.Event(1_700_000_000_300_000_000L, "retry", Map.of("attempt", "2", "why", "a \"quote\""))));
        JsonNode span = one(record);
        assertThat(span.get("traceId").asText()).isEqualTo(TRACE);
        assertThat(span.get("id").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.get("parentId").asText()).isEqualTo("a3ce929d0e0e4736");
        assertThat(span.get("name").asText()).isEqualTo("GET /orders");
        assertThat(span.get("kind").asText()).isEqualTo("SERVER");
        assertThat(span.get("timestamp").asLong()).isEqualTo(1_700_000_000_123_456L);
        assertThat(span.get("duration").asLong()).isEqualTo(200_000L);
        assertThat(map(span.get("localEndpoint"))).isEqualTo(Map.of("serviceName", "checkout"));
        assertThat(span.has("remoteEndpoint")).as("only client and producer spans name the remote side").isFalse();
        assertThat(span.get("annotations")).hasSize(2);
        assertThat(span.get("annotations").get(0).get("timestamp").asLong()).isEqualTo(1_700_000_000_200_000L);
        assertThat(span.get("annotations").get(0).get("value").asText()).isEqualTo("cache miss");
        assertThat(span.get("annotations").get(1).get("value").asText()).isEqualTo("\"retry\":{\"attempt\":\"2\",\"why\":\"a \\\"quote\\\"\"}");
        assertThat(map(span.get("tags"))).isEqualTo(Map.of("http.route", "/orders", "region", "us",
                "host.name", "web-1", "otel.scope.name", "dev.vigil.test"));
        assertThat(span.has("debug")).isFalse();
        assertThat(span.has("shared")).isFalse();
    }

    @Test
    void aRootInternalSpanHasNoParentNoKindAndNoAnnotations() throws Exception {
        JsonNode span = one(new SpanRecord(TRACE, "00f067aa0ba902b7", "", "work", SpanKind.INTERNAL, 1_000, 2_000, SpanStatus.UNSET,
                Map.of(), "", Map.of(), List.of(), List.of()));
        assertThat(span.has("parentId")).isFalse();
        assertThat(span.has("kind")).isFalse();
        assertThat(span.has("annotations")).isFalse();
        assertThat(span.has("tags")).isFalse();
        assertThat(span.get("localEndpoint").get("serviceName").asText()).isEqualTo("unknown_service");
    }

    @Test
    void durationsAreWholeMicrosecondsAndAtLeastOne() throws Exception {
        assertThat(one(withTimes(5_000_000_000_000L, 5_000_000_001_234L)).get("duration").asLong()).isEqualTo(1);
        assertThat(one(withTimes(5_000_000_000_999L, 5_000_000_001_000L)).get("duration").asLong()).isEqualTo(1);
        assertThat(one(withTimes(5_000_000_000_000L, 5_000_000_000_000L)).get("duration").asLong()).isEqualTo(1);
        assertThat(one(withTimes(5_000_000_000_000L, 5_000_002_999_999L)).get("duration").asLong()).isEqualTo(2_999);
    }

    private static SpanRecord withTimes(long start, long end) {
        return span("00f067aa0ba902b7", "", SpanKind.INTERNAL, start, end, SpanStatus.UNSET, Map.of(), List.of());
    }

    @Test
    void statusGoesToOtelStatusCodeAndError() throws Exception {
        JsonNode failed = one(span("00f067aa0ba902b7", "", SpanKind.CLIENT, 0, 1000, new SpanStatus(SpanStatus.Code.ERROR, "timeout"),
                Map.of("error", "false"), List.of()));
        assertThat(failed.get("tags").get("otel.status_code").asText()).isEqualTo("ERROR");
        assertThat(failed.get("tags").get("error").asText()).isEqualTo("timeout");

        JsonNode failedSilently = one(span("00f067aa0ba902b7", "", SpanKind.CLIENT, 0, 1000, new SpanStatus(SpanStatus.Code.ERROR, ""),
                Map.of(), List.of()));
        assertThat(failedSilently.get("tags").get("error").asText()).isEmpty();

        JsonNode ok = one(span("00f067aa0ba902b7", "", SpanKind.CLIENT, 0, 1000, new SpanStatus(SpanStatus.Code.OK, ""),
                Map.of("error", "false"), List.of()));
        assertThat(ok.get("tags").get("otel.status_code").asText()).isEqualTo("OK");
        assertThat(ok.get("tags").has("error")).as("Zipkin takes any error tag as a failure").isFalse();

        JsonNode unset = one(span("00f067aa0ba902b7", "", SpanKind.CLIENT, 0, 1000, SpanStatus.UNSET, Map.of("error", "false"), List.of()));
        assertThat(unset.get("tags").has("otel.status_code")).isFalse();
        assertThat(unset.get("tags").has("error")).isFalse();
    }

    @Test
    void clientSpansNameTheRemoteSideByRank() throws Exception {
        assertThat(remote(Map.of("peer.service", "payments", "server.address", "10.0.0.7", "server.port", "8080")))
                .isEqualTo(Map.of("serviceName", "payments"));
        assertThat(remote(Map.of("server.address", "payments.internal", "server.port", "8443", "network.peer.address", "10.0.0.7")))
                .isEqualTo(Map.of("serviceName", "payments.internal", "port", 8443));
        assertThat(remote(Map.of("network.peer.address", "10.0.0.7", "network.peer.port", "5432")))
                .isEqualTo(Map.of("ipv4", "10.0.0.7", "port", 5432));
        assertThat(remote(Map.of("network.peer.address", "2001:db8::c001", "network.peer.port", "not a port")))
                .isEqualTo(Map.of("ipv6", "2001:db8::c001"));
        assertThat(remote(Map.of("db.name", "orders"))).isEqualTo(Map.of("serviceName", "orders"));
        assertThat(remote(Map.of("http.route", "/x"))).isNull();
        JsonNode producer = one(span("00f067aa0ba902b7", "", SpanKind.PRODUCER, 0, 1000, SpanStatus.UNSET,
                Map.of("peer.service", "kafka"), List.of()));
        assertThat(producer.get("remoteEndpoint").get("serviceName").asText()).isEqualTo("kafka");
    }

    private static Object remote(Map<String, String> attributes) throws Exception {
        JsonNode span = one(span("00f067aa0ba902b7", "", SpanKind.CLIENT, 0, 1000, SpanStatus.UNSET, attributes, List.of()));
        return span.has("remoteEndpoint") ? map(span.get("remoteEndpoint")) : null;
    }

    @Test
    void writesTracesAsAnArrayOfArrays() throws Exception {
        SpanRecord a = withTimes(1_000, 2_000);
        JsonNode traces = JSON.readTree(ZipkinJson.writeTraces(List.of(List.of(a, a), List.of(a))));
        assertThat(traces).hasSize(2);
        assertThat(traces.get(0)).hasSize(2);
        assertThat(traces.get(1)).hasSize(1);
        assertThat(new String(ZipkinJson.write(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void nonAsciiTextIsUtf8() throws Exception {
        SpanRecord span = new SpanRecord(TRACE, "00f067aa0ba902b7", "", "überprüfen", SpanKind.INTERNAL, 0, 1000, SpanStatus.UNSET,
                Map.of("service.name", "zahlung"), "", Map.of("note", "日本"), List.of(), List.of());
        JsonNode read = JSON.readTree(new String(ZipkinJson.write(List.of(span)), StandardCharsets.UTF_8)).get(0);
        assertThat(read.get("name").asText()).isEqualTo("überprüfen");
        assertThat(read.get("tags").get("note").asText()).isEqualTo("日本");
    }
}
