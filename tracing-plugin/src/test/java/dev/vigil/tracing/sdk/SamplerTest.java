package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samplers as the platform's tracer applies them. */
class SamplerTest {

    private static final String PARENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";

    private static PlatformTelemetry telemetry(SamplerSettings sampler) {
        // with no exporter at all the SDK makes no spans (it only passes the parent's context on): export to a sink
        return PlatformTelemetry.start(SdkSettings.defaults().withSampler(sampler), new RecordingSink(), new TestingClock(),
                new SimpleMeterRegistry());
    }

    private static int sampledRoots(Tracer tracer, int traces) {
        int sampled = 0;
        for (int i = 0; i < traces; i++) {
            Span span = tracer.spanBuilder("root").setNoParent().startSpan();
            if (span.getSpanContext().isSampled()) {
                sampled++;
            }
            span.end();
        }
        return sampled;
    }

    @Test
    void traceIdRatioKeepsItsShareOfRootTraces() {
        for (boolean parentBased : new boolean[] {false, true}) {
            try (PlatformTelemetry telemetry = telemetry(SamplerSettings.ratio(parentBased, 0.1))) {
                assertThat(sampledRoots(telemetry.tracer(), 10_000)).as("parent-based: " + parentBased).isBetween(800, 1200);
            }
        }
    }

    @Test
    void traceIdRatioDecidesByTraceIdSoEveryServiceKeepsTheSameTraces() {
        try (PlatformTelemetry a = telemetry(SamplerSettings.ratio(false, 0.3)); PlatformTelemetry b = telemetry(SamplerSettings.ratio(false, 0.3))) {
            for (int i = 0; i < 200; i++) {
                Span span = a.tracer().spanBuilder("a").setNoParent().startSpan();
                String traceId = span.getSpanContext().getTraceId();
                // the same trace id, as a remote parent that did not sample, reaching a sampler that ignores parents
                Context parent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(traceId, PARENT_SPAN,
                        TraceFlags.getDefault(), TraceState.getDefault())));
                Span other = b.tracer().spanBuilder("b").setParent(parent).startSpan();
                assertThat(other.getSpanContext().isSampled()).isEqualTo(span.getSpanContext().isSampled());
                other.end();
                span.end();
            }
        }
    }

    @Test
    void alwaysOnAndAlwaysOff() {
        try (PlatformTelemetry on = telemetry(SamplerSettings.of(SamplerSettings.Type.ALWAYS_ON));
                PlatformTelemetry off = telemetry(SamplerSettings.of(SamplerSettings.Type.ALWAYS_OFF))) {
            assertThat(sampledRoots(on.tracer(), 100)).isEqualTo(100);
            assertThat(sampledRoots(off.tracer(), 100)).isZero();
            // they ignore the parent
            assertThat(child(on.tracer(), remoteParent(false)).isSampled()).isTrue();
            assertThat(child(off.tracer(), remoteParent(true)).isSampled()).isFalse();
        }
    }

    @Test
    void parentBasedSamplersFollowRemoteAndLocalParents() {
        List<SamplerSettings> samplers = List.of(SamplerSettings.of(SamplerSettings.Type.PARENTBASED_ALWAYS_ON),
                SamplerSettings.of(SamplerSettings.Type.PARENTBASED_ALWAYS_OFF), SamplerSettings.ratio(true, 0.5),
                SamplerSettings.rateLimiting(true, 1));
        for (SamplerSettings sampler : samplers) {
            try (PlatformTelemetry telemetry = telemetry(sampler)) {
                Tracer tracer = telemetry.tracer();
                for (boolean parentSampled : new boolean[] {true, false}) {
                    for (int i = 0; i < 100; i++) {
                        assertThat(child(tracer, remoteParent(parentSampled)).isSampled())
                                .as(sampler.type().configName() + ", remote parent sampled " + parentSampled).isEqualTo(parentSampled);
                        assertThat(child(tracer, localParent(parentSampled)).isSampled())
                                .as(sampler.type().configName() + ", local parent sampled " + parentSampled).isEqualTo(parentSampled);
                    }
                }
            }
        }
    }

    @Test
    void parentBasedSamplersFollowAnExtractedTraceparentAndARealLocalParent() {
        try (PlatformTelemetry telemetry = telemetry(SamplerSettings.ratio(true, 0.5))) {
            Tracer tracer = telemetry.tracer();
            for (String flags : new String[] {"01", "00"}) {
                Map<String, String> headers = Map.of("traceparent", "00-" + PARENT_TRACE + "-" + PARENT_SPAN + "-" + flags);
                Context extracted = telemetry.openTelemetry().getPropagators().getTextMapPropagator()
                        .extract(Context.root(), headers, MapCarrier.GETTER);
                Span server = tracer.spanBuilder("server").setParent(extracted).startSpan();
                assertThat(server.getSpanContext().getTraceId()).isEqualTo(PARENT_TRACE);
                assertThat(server.getSpanContext().isSampled()).isEqualTo(flags.equals("01"));
                // a span started under it, in this process, follows it in turn
                Span inner = tracer.spanBuilder("inner").setParent(Context.root().with(server)).startSpan();
                assertThat(inner.getSpanContext().isSampled()).isEqualTo(flags.equals("01"));
                inner.end();
                server.end();
            }
            // real roots: whatever each root got, its children get the same
            for (int i = 0; i < 200; i++) {
                Span root = tracer.spanBuilder("root").setNoParent().startSpan();
                Span kid = tracer.spanBuilder("kid").setParent(Context.root().with(root)).startSpan();
                assertThat(kid.getSpanContext().isSampled()).isEqualTo(root.getSpanContext().isSampled());
                kid.end();
                root.end();
            }
        }
    }

    @Test
    void rateLimitingRootsAreLimitedByTheDrivenClock() {
        TestingClock clock = new TestingClock();
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(SdkSettings.defaults().withSampler(SamplerSettings.rateLimiting(true, 10)),
                new RecordingSink(), clock, new SimpleMeterRegistry())) {
            assertThat(sampledRoots(telemetry.tracer(), 100)).isEqualTo(10);
            clock.advance(java.time.Duration.ofMillis(500));
            assertThat(sampledRoots(telemetry.tracer(), 100)).isEqualTo(5);
        }
    }

    private static SpanContext child(Tracer tracer, Context parent) {
        Span span = tracer.spanBuilder("child").setParent(parent).startSpan();
        span.end();
        SpanContext context = span.getSpanContext();
        assertThat(context.getTraceId()).isEqualTo(PARENT_TRACE);
        assertThat(context.getSpanId()).as("a span of its own").isNotEqualTo(PARENT_SPAN);
        return context;
    }

    private static Context remoteParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(PARENT_TRACE, PARENT_SPAN,
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    private static Context localParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.create(PARENT_TRACE, PARENT_SPAN,
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }
}
