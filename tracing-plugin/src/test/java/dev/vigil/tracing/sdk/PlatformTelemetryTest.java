package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTelemetryTest {

    private static final BatchSettings HELD = new BatchSettings(2048, 512, Duration.ofHours(1), Duration.ofSeconds(10));

    private final TestingClock clock = new TestingClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingSink sink = new RecordingSink();

    private static SdkSettings settings(String serviceName) {
        return new SdkSettings(serviceName, Map.of("deployment.environment.name", "test"), SamplerSettings.defaults(), HELD,
                List.of(new ExporterSettings.Store()), SdkSettings.defaults().propagators());
    }

    private double spans(String exporter, String outcome) {
        return meters.get(SdkAssembly.SPANS_METER).tags("exporter", exporter, "outcome", outcome).counter().count();
    }

    @Test
    void thePlatformsSpansReachTheStore() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            Span parent = telemetry.tracer().spanBuilder("reload config").startSpan();
            telemetry.tracer().spanBuilder("parse").setParent(Context.root().with(parent)).setSpanKind(SpanKind.INTERNAL).startSpan().end();
            parent.end();
            assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
        }
        List<SpanRecord> stored = sink.spans();
        assertThat(stored).extracting(SpanRecord::name).containsExactly("parse", "reload config");
        SpanRecord parse = stored.get(0);
        assertThat(parse.service()).isEqualTo("vigil");
        assertThat(parse.resource()).containsEntry("deployment.environment.name", "test").containsKey("telemetry.sdk.version");
        assertThat(parse.scope()).isEqualTo(PlatformTelemetry.SCOPE);
        assertThat(parse.parentSpanId()).isEqualTo(stored.get(1).spanId());
        // a root span takes its start from the platform's clock; spans under it add the monotonic time elapsed since
        assertThat(stored.get(1).startNanos()).as("the platform's clock").isEqualTo(1_772_366_400_000_000_000L);
        assertThat(parse.startNanos()).isGreaterThanOrEqualTo(stored.get(1).startNanos());
        assertThat(spans("store", "exported")).isEqualTo(2);
    }

    @Test
    void applyingChangedSettingsSwapsTheSdkBehindTheSameTracerAndFlushesTheOldOne() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            Tracer tracer = telemetry.tracer();
            for (int i = 0; i < 3; i++) {
                tracer.spanBuilder("before").startSpan().end();
            }
            assertThat(sink.spans()).as("held in the queue for an hour").isEmpty();

            assertThat(telemetry.apply(settings("vigil-2"))).isTrue();
            assertThat(sink.spans()).as("the old provider was flushed").hasSize(3).allSatisfy(s -> assertThat(s.service()).isEqualTo("vigil"));
            assertThat(telemetry.settings().serviceName()).isEqualTo("vigil-2");

            tracer.spanBuilder("after").startSpan().end();
            telemetry.openTelemetry().getTracer("another.scope").spanBuilder("other").startSpan().end();
            assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(sink.spans().subList(3, 5)).allSatisfy(s -> assertThat(s.service()).isEqualTo("vigil-2"));
            assertThat(sink.spans().get(4).scope()).isEqualTo("another.scope");
            assertThat(telemetry.tracer()).isSameAs(tracer);
        }
    }

    @Test
    void applyingTheSameSettingsChangesNothing() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            telemetry.tracer().spanBuilder("queued").startSpan().end();
            assertThat(telemetry.apply(settings("vigil"))).isFalse();
            assertThat(sink.spans()).as("still queued: nothing was rebuilt").isEmpty();
        }
    }

    @Test
    void aHeldTracerFollowsAChangedSampler() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            Tracer tracer = telemetry.tracer();
            assertThat(tracer.spanBuilder("on").startSpan().getSpanContext().isSampled()).isTrue();
            telemetry.apply(settings("vigil").withSampler(SamplerSettings.of(SamplerSettings.Type.ALWAYS_OFF)));
            Span off = tracer.spanBuilder("off").startSpan();
            assertThat(off.getSpanContext().isSampled()).isFalse();
            assertThat(off.isRecording()).isFalse();
        }
    }

    @Test
    void aHeldPropagatorFollowsChangedPropagators() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            TextMapPropagator propagator = telemetry.openTelemetry().getPropagators().getTextMapPropagator();
            Span span = telemetry.tracer().spanBuilder("call").startSpan();
            Map<String, String> w3c = new HashMap<>();
            propagator.inject(Context.root().with(span), w3c, MapCarrier.SETTER);
            assertThat(w3c).containsKey("traceparent").doesNotContainKey("b3");

            telemetry.apply(settings("vigil").withPropagators(List.of(SdkSettings.Propagator.B3)));
            Map<String, String> b3 = new HashMap<>();
            propagator.inject(Context.root().with(span), b3, MapCarrier.SETTER);
            assertThat(b3).containsOnlyKeys("b3");
            assertThat(propagator.fields()).contains("b3");
            span.end();
        }
    }

    @Test
    void aSpanEndedAfterItsProviderWasSwappedOutIsCountedAsDropped() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            Span straddling = telemetry.tracer().spanBuilder("straddling").startSpan();
            telemetry.apply(settings("vigil-2"));
            straddling.end();
            assertThat(spans("store", "dropped")).isEqualTo(1);
        }
    }

    @Test
    void closeFlushesThenRecordsNothing() {
        PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters);
        Tracer tracer = telemetry.tracer();
        for (int i = 0; i < 5; i++) {
            tracer.spanBuilder("queued").startSpan().end();
        }
        assertThat(sink.spans()).isEmpty();
        telemetry.close();
        assertThat(sink.spans()).hasSize(5);

        Span afterwards = tracer.spanBuilder("afterwards").startSpan();
        assertThat(afterwards.isRecording()).isFalse();
        afterwards.end();
        telemetry.close();
        assertThat(sink.spans()).hasSize(5);
        assertThatThrownBy(() -> telemetry.apply(settings("vigil-2"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingStoreCountsFailedSpansAndRecovers() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil"), sink, clock, meters)) {
            sink.failing(true);
            telemetry.tracer().spanBuilder("lost").startSpan().end();
            telemetry.flush(Duration.ofSeconds(10));
            assertThat(spans("store", "failed")).isEqualTo(1);
            sink.failing(false);
            telemetry.tracer().spanBuilder("kept").startSpan().end();
            telemetry.flush(Duration.ofSeconds(10));
            assertThat(sink.spans()).extracting(SpanRecord::name).containsExactly("kept");
        }
    }

    @Test
    void everyExporterAtOnceAndTheGlobalOpenTelemetryIsLeftAlone() throws Exception {
        boolean globalWasSet = GlobalOpenTelemetry.isSet();
        try (CapturingHttpServer collector = new CapturingHttpServer("/v1/traces");
                CapturingHttpServer zipkin = new CapturingHttpServer("/api/v2/spans")) {
            collector.answer(200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            zipkin.answer(202, "text/plain", new byte[0]);
            SdkSettings all = settings("vigil").withExporters(List.of(new ExporterSettings.Store(),
                    new ExporterSettings.Otlp(collector.uri("/v1/traces"), Map.of(), false, Duration.ofSeconds(5)),
                    new ExporterSettings.Zipkin(zipkin.uri("/api/v2/spans"), Duration.ofSeconds(5)),
                    new ExporterSettings.Logging(),
                    new ExporterSettings.Otlp(collector.uri("/v1/traces"), Map.of(), true, Duration.ofSeconds(5))));
            try (PlatformTelemetry telemetry = PlatformTelemetry.start(all, sink, clock, meters)) {
                telemetry.tracer().spanBuilder("everywhere").startSpan().end();
                assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
            }
            assertThat(sink.spans()).hasSize(1);
            assertThat(collector.requests()).hasSize(2);
            assertThat(zipkin.requests()).hasSize(1);
            for (String exporter : List.of("store", "otlp", "zipkin", "logging", "otlp-2")) {
                assertThat(spans(exporter, "exported")).as(exporter).isEqualTo(1);
            }
        }
        if (!globalWasSet) {
            assertThat(GlobalOpenTelemetry.isSet()).as("the global OpenTelemetry belongs to an embedding application").isFalse();
        }
    }

    @Test
    void noExportersMeanNoSpansButContextStillPassesOn() {
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings("vigil").withExporters(List.of()), sink, clock, meters)) {
            Map<String, String> incoming = Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            Context extracted = telemetry.openTelemetry().getPropagators().getTextMapPropagator()
                    .extract(Context.root(), incoming, MapCarrier.GETTER);
            Span span = telemetry.tracer().spanBuilder("server").setParent(extracted).startSpan();
            assertThat(span.isRecording()).isFalse();
            Map<String, String> outgoing = new HashMap<>();
            telemetry.openTelemetry().getPropagators().getTextMapPropagator().inject(Context.root().with(span), outgoing, MapCarrier.SETTER);
            assertThat(outgoing.get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            span.end();
        }
    }
}
