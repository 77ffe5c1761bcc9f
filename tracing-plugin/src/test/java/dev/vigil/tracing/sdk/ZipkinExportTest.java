package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Zipkin exporter against a real HTTP server that checks what it receives against Zipkin's v2 model. */
class ZipkinExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SPAN_FIELDS = Set.of("traceId", "name", "parentId", "id", "kind", "timestamp", "duration", "debug",
            "shared", "localEndpoint", "remoteEndpoint", "annotations", "tags");
    private static final Set<String> ENDPOINT_FIELDS = Set.of("serviceName", "ipv4", "ipv6", "port");
    private static final Set<String> KINDS = Set.of("CLIENT", "SERVER", "PRODUCER", "CONSUMER");

    private final TestingClock clock = new TestingClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private PlatformTelemetry telemetry(CapturingHttpServer zipkin) {
        SdkSettings settings = SdkSettings.defaults().withExporters(List.of(
                new ExporterSettings.Zipkin(zipkin.uri("/api/v2/spans"), Duration.ofSeconds(10))));
        return PlatformTelemetry.start(new SdkSettings("vigil-test", Map.of(), settings.sampler(), settings.batch(), settings.exporters(),
                settings.propagators()), new RecordingSink(), clock, meters);
    }

    @Test
    void spansArriveAsZipkinV2Json() throws Exception {
        try (CapturingHttpServer zipkin = new CapturingHttpServer("/api/v2/spans")) {
            zipkin.answer(202, "text/plain", new byte[0]);
            Span server;
            Span client;
            try (PlatformTelemetry telemetry = telemetry(zipkin)) {
                server = telemetry.tracer().spanBuilder("GET /api/orders").setSpanKind(SpanKind.SERVER).startSpan();
                client = telemetry.tracer().spanBuilder("POST /charge").setSpanKind(SpanKind.CLIENT)
                        .setParent(Context.root().with(server)).setAttribute("peer.service", "payments")
                        .setAttribute("http.request.method", "POST").startSpan();
                client.addEvent("sent");
                client.setStatus(StatusCode.ERROR, "payment refused");
                client.end();
                server.end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }

            List<JsonNode> spans = new ArrayList<>();
            for (CapturingHttpServer.Request request : zipkin.requests()) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.headers()).containsEntry("content-type", "application/json");
                JsonNode body = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
                assertThat(body.isArray()).as("a list of spans").isTrue();
                body.forEach(spans::add);
            }
            assertThat(spans).hasSize(2);
            spans.forEach(ZipkinExportTest::checkV2Model);

            JsonNode gotServer = byName(spans, "GET /api/orders");
            JsonNode gotClient = byName(spans, "POST /charge");
            assertThat(gotServer.get("traceId").asText()).isEqualTo(server.getSpanContext().getTraceId());
            assertThat(gotServer.get("id").asText()).isEqualTo(server.getSpanContext().getSpanId());
            assertThat(gotServer.has("parentId")).isFalse();
            assertThat(gotServer.get("kind").asText()).isEqualTo("SERVER");
            assertThat(gotServer.get("timestamp").asLong()).isEqualTo(1_772_366_400_000_000L);
            assertThat(gotServer.get("localEndpoint").get("serviceName").asText()).isEqualTo("vigil-test");
            assertThat(gotServer.get("tags").get("otel.scope.name").asText()).isEqualTo(PlatformTelemetry.SCOPE);

            assertThat(gotClient.get("parentId").asText()).isEqualTo(server.getSpanContext().getSpanId());
            assertThat(gotClient.get("kind").asText()).isEqualTo("CLIENT");
            assertThat(gotClient.get("remoteEndpoint").get("serviceName").asText()).isEqualTo("payments");
            assertThat(gotClient.get("tags").get("http.request.method").asText()).isEqualTo("POST");
            assertThat(gotClient.get("tags").get("error").asText()).isEqualTo("payment refused");
            assertThat(gotClient.get("annotations").get(0).get("value").asText()).isEqualTo("sent");
            assertThat(meters.get(SdkAssembly.SPANS_METER).tags("exporter", "zipkin", "outcome", "exported").counter().count()).isEqualTo(2);
        }
    }

    @Test
    void aRefusingServerCountsTheSpansAsFailedAndALaterSuccessCounts() throws Exception {
        try (CapturingHttpServer zipkin = new CapturingHttpServer("/api/v2/spans")) {
            zipkin.answer(400, "text/plain", "Malformed".getBytes(StandardCharsets.UTF_8));
            try (PlatformTelemetry telemetry = telemetry(zipkin)) {
                telemetry.tracer().spanBuilder("refused").startSpan().end();
                telemetry.flush(Duration.ofSeconds(10));
                Await.until("the failed export counted", Duration.ofSeconds(10),
                        () -> meters.get(SdkAssembly.SPANS_METER).tags("exporter", "zipkin", "outcome", "failed").counter().count(), n -> n == 1);
                zipkin.answer(202, "text/plain", new byte[0]);
                telemetry.tracer().spanBuilder("accepted").startSpan().end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(meters.get(SdkAssembly.SPANS_METER).tags("exporter", "zipkin", "outcome", "exported").counter().count()).isEqualTo(1);
            }
        }
    }

    @Test
    void anUnreachableServerCountsTheSpansAsFailed() throws Exception {
        java.net.URI closed;
        try (CapturingHttpServer gone = new CapturingHttpServer("/api/v2/spans")) {
            closed = gone.uri("/api/v2/spans");
        }
        SdkSettings settings = SdkSettings.defaults().withExporters(List.of(new ExporterSettings.Zipkin(closed, Duration.ofSeconds(5))));
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings, new RecordingSink(), clock, meters)) {
            telemetry.tracer().spanBuilder("lost").startSpan().end();
            telemetry.flush(Duration.ofSeconds(10));
            Await.until("the failed export counted", Duration.ofSeconds(10),
                    () -> meters.get(SdkAssembly.SPANS_METER).tags("exporter", "zipkin", "outcome", "failed").counter().count(), n -> n == 1);
        }
    }

    /** Checks one span against the v2 API's Span definition (zipkin2-api.yaml). */
    static void checkV2Model(JsonNode span) {
        for (Iterator<String> names = span.fieldNames(); names.hasNext(); ) {
            assertThat(SPAN_FIELDS).as("a field of the v2 model").contains(names.next());
        }
        assertThat(span.get("traceId").asText()).matches("[0-9a-f]{16}|[0-9a-f]{32}");
        assertThat(span.get("id").asText()).matches("[0-9a-f]{16}");
        if (span.has("parentId")) {
            assertThat(span.get("parentId").asText()).matches("[0-9a-f]{16}");
        }
        if (span.has("kind")) {
            assertThat(KINDS).contains(span.get("kind").asText());
        }
        assertThat(span.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(span.get("duration").isIntegralNumber()).isTrue();
        assertThat(span.get("duration").asLong()).isPositive();
        for (String endpoint : new String[] {"localEndpoint", "remoteEndpoint"}) {
            if (span.has(endpoint)) {
                span.get(endpoint).fieldNames().forEachRemaining(f -> assertThat(ENDPOINT_FIELDS).contains(f));
                if (span.get(endpoint).has("port")) {
                    assertThat(span.get(endpoint).get("port").isInt()).isTrue();
                }
            }
        }
        if (span.has("annotations")) {
            for (JsonNode a : span.get("annotations")) {
                assertThat(a.get("timestamp").isIntegralNumber()).isTrue();
                assertThat(a.get("value").isTextual()).isTrue();
            }
        }
        if (span.has("tags")) {
            span.get("tags").elements().forEachRemaining(v -> assertThat(v.isTextual()).as("tag values are strings").isTrue());
        }
    }

    private static JsonNode byName(List<JsonNode> spans, String name) {
        return spans.stream().filter(s -> s.get("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no span " + name));
    }
}
