package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.otlp.AnyValues;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OTLP exporter against a real HTTP server that decodes what it receives. */
class OtlpExportTest {

    private static final HexFormat HEX = HexFormat.of();

    private final TestingClock clock = new TestingClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private PlatformTelemetry telemetry(CapturingHttpServer collector, boolean gzip) {
        SdkSettings settings = new SdkSettings("vigil-test", Map.of("deployment.environment.name", "test"), SamplerSettings.defaults(),
                BatchSettings.defaults(), List.of(new ExporterSettings.Otlp(collector.uri("/v1/traces"),
                        Map.of("Authorization", "Bearer t0ken"), gzip, Duration.ofSeconds(10))), SdkSettings.defaults().propagators());
        return PlatformTelemetry.start(settings, new RecordingSink(), clock, meters);
    }

    @Test
    void spansArriveAsAnOtlpProtobufRequest() throws Exception {
        try (CapturingHttpServer collector = new CapturingHttpServer("/v1/traces")) {
            collector.answer(200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            Span server;
            Span client;
            try (PlatformTelemetry telemetry = telemetry(collector, true)) {
                server = telemetry.tracer().spanBuilder("GET /api/orders").setSpanKind(SpanKind.SERVER).startSpan();
                client = telemetry.tracer().spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT)
                        .setParent(Context.root().with(server)).setAttribute("db.system.name", "postgresql").setAttribute("db.rows", 3L)
                        .startSpan();
                client.addEvent("connected");
                client.end();
                server.setStatus(StatusCode.ERROR, "boom");
                server.end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }

            List<CapturingHttpServer.Request> requests = collector.requests();
            assertThat(requests).isNotEmpty();
            CapturingHttpServer.Request first = requests.get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.path()).isEqualTo("/v1/traces");
            assertThat(first.headers()).containsEntry("content-type", "application/x-protobuf")
                    .containsEntry("content-encoding", "gzip")
                    .containsEntry("authorization", "Bearer t0ken");

            List<io.opentelemetry.proto.trace.v1.Span> spans = new ArrayList<>();
            for (CapturingHttpServer.Request request : requests) {
                ExportTraceServiceRequest decoded = ExportTraceServiceRequest.parseFrom(request.body());
                for (ResourceSpans rs : decoded.getResourceSpansList()) {
                    Map<String, String> resource = AnyValues.toMap(rs.getResource().getAttributesList());
                    assertThat(resource).containsEntry("service.name", "vigil-test")
                            .containsEntry("deployment.environment.name", "test")
                            .containsEntry("telemetry.sdk.language", "java");
                    for (ScopeSpans ss : rs.getScopeSpansList()) {
                        assertThat(ss.getScope().getName()).isEqualTo(PlatformTelemetry.SCOPE);
                        spans.addAll(ss.getSpansList());
                    }
                }
            }
            assertThat(spans).hasSize(2);
            io.opentelemetry.proto.trace.v1.Span gotServer = byName(spans, "GET /api/orders");
            io.opentelemetry.proto.trace.v1.Span gotClient = byName(spans, "SELECT orders");
            assertThat(HEX.formatHex(gotServer.getTraceId().toByteArray())).isEqualTo(server.getSpanContext().getTraceId());
            assertThat(HEX.formatHex(gotServer.getSpanId().toByteArray())).isEqualTo(server.getSpanContext().getSpanId());
            assertThat(gotServer.getParentSpanId().isEmpty()).isTrue();
            assertThat(gotServer.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(gotServer.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
            assertThat(gotServer.getStatus().getMessage()).isEqualTo("boom");
            assertThat(gotServer.getStartTimeUnixNano()).as("wall time from the platform's clock").isEqualTo(1_772_366_400_000_000_000L);

            assertThat(gotClient.getTraceId()).isEqualTo(gotServer.getTraceId());
            assertThat(gotClient.getParentSpanId()).isEqualTo(gotServer.getSpanId());
            assertThat(gotClient.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
            assertThat(AnyValues.toMap(gotClient.getAttributesList())).containsEntry("db.system.name", "postgresql").containsEntry("db.rows", "3");
            assertThat(gotClient.getEventsList()).extracting(e -> e.getName()).containsExactly("connected");
            assertThat(meters.get(SdkAssembly.SPANS_METER).tags("exporter", "otlp", "outcome", "exported").counter().count()).isEqualTo(2);
        }
    }

    @Test
    void withoutCompressionTheBodyIsPlainProtobuf() throws Exception {
        try (CapturingHttpServer collector = new CapturingHttpServer("/v1/traces")) {
            collector.answer(200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            try (PlatformTelemetry telemetry = telemetry(collector, false)) {
                telemetry.tracer().spanBuilder("plain").startSpan().end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }
            CapturingHttpServer.Request request = collector.requests().get(0);
            assertThat(request.headers()).doesNotContainKey("content-encoding");
            assertThat(ExportTraceServiceRequest.parseFrom(request.body()).getResourceSpans(0).getScopeSpans(0).getSpans(0).getName())
                    .isEqualTo("plain");
        }
    }

    @Test
    void aRefusingCollectorCountsTheSpansAsFailed() throws Exception {
        try (CapturingHttpServer collector = new CapturingHttpServer("/v1/traces")) {
            collector.answer(400, "text/plain", "bad".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (PlatformTelemetry telemetry = telemetry(collector, false)) {
                telemetry.tracer().spanBuilder("refused").startSpan().end();
                telemetry.flush(Duration.ofSeconds(10));
                Await.until("the failed export counted", Duration.ofSeconds(10),
                        () -> meters.get(SdkAssembly.SPANS_METER).tags("exporter", "otlp", "outcome", "failed").counter().count(), n -> n == 1);
            }
        }
    }

    @Test
    void theStoreReadsAttributesAsTheOtlpReceiverWouldReadThem() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (CapturingHttpServer collector = new CapturingHttpServer("/v1/traces")) {
            collector.answer(200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            SdkSettings settings = SdkSettings.defaults().withExporters(List.of(new ExporterSettings.Store(),
                    new ExporterSettings.Otlp(collector.uri("/v1/traces"), Map.of(), false, Duration.ofSeconds(10))));
            try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings, sink, clock, meters)) {
                Span span = telemetry.tracer().spanBuilder("typed").startSpan();
                span.setAttribute("s", "text \"quoted\"\n");
                span.setAttribute("b", false);
                span.setAttribute("l", -42L);
                span.setAttribute("d", 0.1);
                span.setAttribute("big", 1e21);
                span.setAttribute("nan", Double.NaN);
                span.setAttribute(io.opentelemetry.api.common.AttributeKey.stringArrayKey("sa"), List.of("x", "y\tz"));
                span.setAttribute(io.opentelemetry.api.common.AttributeKey.booleanArrayKey("ba"), List.of(true, false));
                span.setAttribute(io.opentelemetry.api.common.AttributeKey.longArrayKey("la"), List.of(1L, -2L));
                span.setAttribute(io.opentelemetry.api.common.AttributeKey.doubleArrayKey("da"), List.of(2.5, Double.NEGATIVE_INFINITY));
                span.setAttribute(io.opentelemetry.api.common.AttributeKey.valueKey("v"), io.opentelemetry.api.common.Value.of(
                        io.opentelemetry.api.common.Value.of("a"), io.opentelemetry.api.common.Value.of(new byte[] {1, 2, 3}),
                        io.opentelemetry.api.common.Value.of(Map.of("k", io.opentelemetry.api.common.Value.of(true)))));
                span.addEvent("e", io.opentelemetry.api.common.Attributes.of(io.opentelemetry.api.common.AttributeKey.doubleKey("x"), 3.0));
                span.end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(collector.requests().get(0).body());
            ResourceSpans resourceSpans = request.getResourceSpans(0);
            io.opentelemetry.proto.trace.v1.Span sent = resourceSpans.getScopeSpans(0).getSpans(0);
            dev.vigil.api.traces.SpanRecord stored = sink.spans().get(0);
            assertThat(stored.attributes()).isEqualTo(AnyValues.toMap(sent.getAttributesList()));
            assertThat(stored.resource()).isEqualTo(AnyValues.toMap(resourceSpans.getResource().getAttributesList()));
            assertThat(stored.events().get(0).attributes()).isEqualTo(AnyValues.toMap(sent.getEvents(0).getAttributesList()));
            assertThat(stored.attributes()).containsEntry("big", "1000000000000000000000").containsEntry("nan", "NaN")
                    .containsEntry("da", "[2.5,\"-Inf\"]").containsEntry("v", "[\"a\",\"AQID\",{\"k\":true}]");
        }
    }

    private static io.opentelemetry.proto.trace.v1.Span byName(List<io.opentelemetry.proto.trace.v1.Span> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no span " + name));
    }
}
