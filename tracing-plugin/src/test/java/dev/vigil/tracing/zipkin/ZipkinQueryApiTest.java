package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zipkin's query API on a real kernel over an in-memory store, as the Zipkin UI and Grafana call it. */
class ZipkinQueryApiTest {

    private static final String T1 = "11111111111111111111111111111111";
    private static final String T2 = "2222222222222222";
    private static final String T3 = "33333333333333333333333333333333";
    private static final long NOW_MS = ZipkinServer.NOW.toEpochMilli();

    private final ObjectMapper json = new ObjectMapper();
    private ZipkinServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ZipkinServer(new ZipkinSettings(true, ByteSize.ofMebibytes(1), Duration.ofDays(1), List.of("http.path")));
        Instant t1 = ZipkinServer.NOW.minus(Duration.ofMinutes(10));
        server.store.accept(List.of(
                span(T1, "a", "", "frontend", "get /", SpanKind.SERVER, t1, 0, 100, SpanStatus.UNSET, Map.of(), List.of()),
                span(T1, "b", "a", "frontend", "get /api", SpanKind.CLIENT, t1, 10, 50, SpanStatus.UNSET,
                        Map.of("peer.service", "backend"), List.of()),
                span(T1, "c", "b", "backend", "get /api", SpanKind.SERVER, t1, 12, 40, new SpanStatus(SpanStatus.Code.ERROR, "timeout"),
                        Map.of("http.path", "/api"), List.of()),
                span(T1, "d", "c", "backend", "select", SpanKind.CLIENT, t1, 15, 10, SpanStatus.UNSET,
                        Map.of("peer.service", "mysql"), List.of())));
        Instant t2 = ZipkinServer.NOW.minus(Duration.ofMinutes(5));
        server.store.accept(List.of(span("0000000000000000" + T2, "e", "", "frontend", "get /health", SpanKind.SERVER, t2, 0, 5,
                new SpanStatus(SpanStatus.Code.OK, ""), Map.of("http.path", "/health"),
                List.of(new SpanRecord.Event(nanos(t2) + 1000, "cache-miss", Map.of())))));
        server.store.accept(List.of(span(T3, "f", "", "old", "old", SpanKind.SERVER, ZipkinServer.NOW.minus(Duration.ofDays(2)), 0, 1,
                SpanStatus.UNSET, Map.of(), List.of())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servicesSpanNamesAndRemoteServicesOfTheLastDay() {
        assertThat(ok("/api/v2/services")).isEqualTo("[\"backend\",\"frontend\"]");
        assertThat(ok("/api/v2/spans?serviceName=frontend")).isEqualTo("[\"get /\",\"get /api\",\"get /health\"]");
        assertThat(ok("/api/v2/spans?serviceName=nobody")).isEqualTo("[]");
        assertThat(ok("/api/v2/spans?serviceName=")).isEqualTo("[]");
        assertThat(ok("/api/v2/remoteServices?serviceName=backend")).isEqualTo("[\"mysql\"]");
        assertThat(ok("/api/v2/remoteServices?serviceName=frontend")).isEqualTo("[\"backend\"]");
        assertBadRequest("/api/v2/spans", "Mandatory parameter is missing: serviceName");
        assertBadRequest("/api/v2/remoteServices", "Mandatory parameter is missing: serviceName");
    }

    @Test
    void tracesAreListsOfSpansNewestFirstWithinTheDefaultLookback() throws Exception {
        JsonNode traces = json.readTree(ok("/api/v2/traces"));

        assertThat(traceIds(traces)).containsExactly(T2, T1);
        assertThat(traces.get(1)).hasSize(4);
        assertThat(traces.get(0).get(0)).isEqualTo(json.readTree("""
                {"traceId":"2222222222222222","id":"000000000000000e","kind":"SERVER","name":"get /health",
                 "timestamp":1795341300000000,"duration":5000,"localEndpoint":{"serviceName":"frontend"},
                 "annotations":[{"timestamp":1795341300000001,"value":"cache-miss"}],
                 "tags":{"http.path":"/health","otel.status_code":"OK"}}
                """));
        assertThat(traceIds("/api/v2/traces?limit=1")).containsExactly(T2);
        assertThat(traceIds("/api/v2/traces?endTs=" + (NOW_MS - 7 * 60_000) + "&lookback=600000")).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?lookback=" + Duration.ofDays(3).toMillis())).containsExactly(T2, T1, T3);
    }

    @Test
    void tracesBySpanConditions() {
        assertThat(traceIds("/api/v2/traces?serviceName=backend")).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?serviceName=frontend&spanName=" + encode("get /health"))).containsExactly(T2);
        assertThat(traceIds("/api/v2/traces?serviceName=frontend&spanName=all")).containsExactly(T2, T1);
        assertThat(traceIds("/api/v2/traces?serviceName=&spanName=")).containsExactly(T2, T1);
        assertThat(traceIds("/api/v2/traces?remoteServiceName=mysql")).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?minDuration=50000")).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?minDuration=1000&maxDuration=6000")).containsExactly(T2);
        assertThat(traceIds("/api/v2/traces?serviceName=frontend&minDuration=60000&maxDuration=90000")).isEmpty();
    }

    @Test
    void tracesByAnnotationQuery() {
        assertThat(traceIds("/api/v2/traces?annotationQuery=error")).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("error=timeout"))).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("error=other"))).isEmpty();
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("http.path=/api"))).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?annotationQuery=http.path")).containsExactly(T2, T1);
        assertThat(traceIds("/api/v2/traces?annotationQuery=cache-miss")).containsExactly(T2);
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("error and http.path=/api"))).containsExactly(T1);
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("otel.status_code=OK"))).containsExactly(T2);
        // one span must meet every term
        assertThat(traceIds("/api/v2/traces?annotationQuery=" + encode("error and peer.service=backend"))).isEmpty();
        assertThat(traceIds("/api/v2/traces?serviceName=frontend&annotationQuery=error")).isEmpty();
    }

    @Test
    void badSearchParametersGet400WithZipkinsReasons() {
        assertBadRequest("/api/v2/traces?limit=0", "limit <= 0");
        assertBadRequest("/api/v2/traces?lookback=0", "lookback <= 0");
        assertBadRequest("/api/v2/traces?endTs=-5", "endTs <= 0");
        assertBadRequest("/api/v2/traces?minDuration=0", "minDuration <= 0");
        assertBadRequest("/api/v2/traces?maxDuration=5", "maxDuration is only valid with minDuration");
        assertBadRequest("/api/v2/traces?minDuration=10&maxDuration=5", "maxDuration < minDuration");
        assertBadRequest("/api/v2/traces?limit=ten", "limit must be a whole number, got 'ten'");
    }

    @Test
    void oneTraceByIdIn16Or32Digits() throws Exception {
        JsonNode trace = json.readTree(ok("/api/v2/trace/" + T1));
        assertThat(trace).hasSize(4);
        assertThat(trace.get(0).get("id").asText()).isEqualTo("000000000000000a");
        assertThat(trace.get(2).get("tags").get("error").asText()).isEqualTo("timeout");
        assertThat(trace.get(1).get("remoteEndpoint")).isEqualTo(json.readTree("{\"serviceName\":\"backend\"}"));

        assertThat(json.readTree(ok("/api/v2/trace/" + T2))).hasSize(1);
        assertThat(json.readTree(ok("/api/v2/trace/0000000000000000" + T2))).hasSize(1);

        HttpResponse<String> missing = server.get("/api/v2/trace/4444444444444444");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("4444444444444444 not found");
        assertBadRequest("/api/v2/trace/xyz", "traceId should be lower-hex encoded with no prefix");
    }

    @Test
    void manyTracesByIdInTheOrderAsked() throws Exception {
        assertThat(traceIds("/api/v2/traceMany?traceIds=" + T1 + "," + T2 + ",4444444444444444")).containsExactly(T1, T2);
        assertThat(traceIds("/api/v2/traceMany?traceIds=" + T2 + "," + T3)).containsExactly(T2, T3);
        assertBadRequest("/api/v2/traceMany?traceIds=", "traceIds parameter is empty");
        assertBadRequest("/api/v2/traceMany", "traceIds parameter is empty");
        assertBadRequest("/api/v2/traceMany?traceIds=" + T2 + ",0000000000000000" + T2, "redundant traceId: 0000000000000000" + T2);
    }

    @Test
    void autocompleteOffersTheConfiguredKeysAndTheirRecentValues() {
        assertThat(ok("/api/v2/autocompleteKeys")).isEqualTo("[\"http.path\"]");
        assertThat(ok("/api/v2/autocompleteValues?key=http.path")).isEqualTo("[\"/api\",\"/health\"]");
        assertThat(ok("/api/v2/autocompleteValues?key=peer.service")).isEqualTo("[]");
        assertBadRequest("/api/v2/autocompleteValues", "Mandatory parameter is missing: key");
    }

    @Test
    void dependenciesLinkCallersToCalleesWithCallAndErrorCounts() throws Exception {
        assertThat(json.readTree(ok("/api/v2/dependencies?endTs=" + NOW_MS + "&lookback=3600000"))).isEqualTo(json.readTree("""
                [{"parent":"backend","child":"mysql","callCount":1},
                 {"parent":"frontend","child":"backend","callCount":1,"errorCount":1}]
                """));
        assertThat(ok("/api/v2/dependencies?endTs=" + (NOW_MS - 3_600_000))).isEqualTo("[]");
        assertBadRequest("/api/v2/dependencies", "Mandatory parameter is missing: endTs");
        assertBadRequest("/api/v2/dependencies?endTs=" + NOW_MS + "&lookback=0", "lookback <= 0");
    }

    private String ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return response.body();
    }

    private void assertBadRequest(String path, String reason) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(400);
        assertThat(response.body()).isEqualTo(reason);
    }

    private List<String> traceIds(String path) {
        try {
            return traceIds(json.readTree(ok(path)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> traceIds(JsonNode traces) {
        List<String> ids = new ArrayList<>();
        for (JsonNode trace : traces) {
            ids.add(trace.get(0).get("traceId").asText());
        }
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static SpanRecord span(String traceId, String id, String parent, String service, String name, SpanKind kind, Instant base,
            long offsetMillis, long durationMillis, SpanStatus status, Map<String, String> attributes, List<SpanRecord.Event> events) {
        long start = nanos(base) + offsetMillis * 1_000_000L;
        return new SpanRecord(traceId, "000000000000000" + id, parent.isEmpty() ? "" : "000000000000000" + parent, name, kind, start,
                start + durationMillis * 1_000_000L, status, Map.of("service.name", service), "", attributes, events, List.of());
    }
}
