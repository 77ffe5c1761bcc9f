package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.tracing.sdk.SdkSettings.Propagator;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropagatorsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private static TextMapPropagator propagator(Propagator... names) {
        return SdkAssembly.propagators(List.of(names)).getTextMapPropagator();
    }

    private static Context context(boolean sampled) {
        SpanContext span = SpanContext.create(TRACE, SPAN, sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                TraceState.builder().put("vendor", "abc").build());
        return Context.root().with(Span.wrap(span)).with(Baggage.builder().put("tenant", "acme").put("region", "eu west").build());
    }

    private static Map<String, String> inject(TextMapPropagator propagator, Context context) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, MapCarrier.SETTER);
        return headers;
    }

    private static Context extract(TextMapPropagator propagator, Map<String, String> headers) {
        return propagator.extract(Context.root(), headers, MapCarrier.GETTER);
    }

    @Test
    void theDefaultsWriteW3CTraceContextAndBaggage() {
        TextMapPropagator defaults = SdkAssembly.propagators(SdkSettings.defaults().propagators()).getTextMapPropagator();
        Map<String, String> headers = inject(defaults, context(true));
        assertThat(headers).containsOnlyKeys("traceparent", "tracestate", "baggage");
        assertThat(headers.get("traceparent")).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(headers.get("tracestate")).isEqualTo("vendor=abc");
        assertThat(headers.get("baggage").split(",")).containsExactlyInAnyOrder("tenant=acme", "region=eu%20west");
        assertThat(inject(defaults, context(false)).get("traceparent")).endsWith("-00");
        assertThat(defaults.fields()).contains("traceparent", "tracestate", "baggage");
    }

    @Test
    void theDefaultsReadW3CTraceContextAndBaggage() {
        TextMapPropagator defaults = propagator(Propagator.TRACECONTEXT, Propagator.BAGGAGE);
        Context context = extract(defaults, Map.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01", "tracestate", "vendor=abc,other=x",
                "baggage", "tenant=acme,region=eu%20west;prop=1"));
        SpanContext span = Span.fromContext(context).getSpanContext();
        assertThat(span.isRemote()).isTrue();
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getSpanId()).isEqualTo(SPAN);
        assertThat(span.isSampled()).isTrue();
        assertThat(span.getTraceState().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("vendor", "abc", "other", "x"));
        Baggage baggage = Baggage.fromContext(context);
        assertThat(baggage.getEntryValue("tenant")).isEqualTo("acme");
        assertThat(baggage.getEntryValue("region")).isEqualTo("eu west");
        assertThat(baggage.getEntry("region").getMetadata().getValue()).isEqualTo("prop=1");
    }

    @Test
    void aMalformedTraceparentStartsNoRemoteContext() {
        TextMapPropagator defaults = propagator(Propagator.TRACECONTEXT);
        for (String bad : new String[] {"00-" + TRACE + "-" + SPAN, "00-00000000000000000000000000000000-" + SPAN + "-01",
                "zz-" + TRACE + "-" + SPAN + "-01", "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01"}) {
            assertThat(Span.fromContext(extract(defaults, Map.of("traceparent", bad))).getSpanContext().isValid()).as(bad).isFalse();
        }
    }

    @Test
    void b3WritesOneHeaderAndReadsBothForms() {
        TextMapPropagator b3 = propagator(Propagator.B3);
        Map<String, String> headers = inject(b3, context(true));
        assertThat(headers).containsExactly(Map.entry("b3", TRACE + "-" + SPAN + "-1"));

        SpanContext single = Span.fromContext(extract(b3, Map.of("b3", TRACE + "-" + SPAN + "-0"))).getSpanContext();
        assertThat(single.getTraceId()).isEqualTo(TRACE);
        assertThat(single.getSpanId()).isEqualTo(SPAN);
        assertThat(single.isSampled()).isFalse();
        assertThat(single.isRemote()).isTrue();

        SpanContext multi = Span.fromContext(extract(b3, Map.of("X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN, "X-B3-Sampled", "1")))
                .getSpanContext();
        assertThat(multi.getTraceId()).isEqualTo(TRACE);
        assertThat(multi.isSampled()).isTrue();
    }

    @Test
    void b3MultiWritesXB3Headers() {
        TextMapPropagator b3multi = propagator(Propagator.B3MULTI);
        Map<String, String> headers = inject(b3multi, context(true));
        assertThat(headers).containsEntry("X-B3-TraceId", TRACE).containsEntry("X-B3-SpanId", SPAN).containsEntry("X-B3-Sampled", "1")
                .doesNotContainKeys("b3", "traceparent");
        SpanContext read = Span.fromContext(extract(b3multi, headers)).getSpanContext();
        assertThat(read.getTraceId()).isEqualTo(TRACE);
        assertThat(read.getSpanId()).isEqualTo(SPAN);
        assertThat(read.isSampled()).isTrue();
        // a 64-bit B3 trace id is widened to 128 bits
        SpanContext shortId = Span.fromContext(extract(b3multi, Map.of("X-B3-TraceId", "a3ce929d0e0e4736", "X-B3-SpanId", SPAN,
                "X-B3-Sampled", "1"))).getSpanContext();
        assertThat(shortId.getTraceId()).isEqualTo("0000000000000000a3ce929d0e0e4736");
    }

    @Test
    void severalPropagatorsWriteEveryFormatAndReadWhicheverCame() {
        TextMapPropagator both = propagator(Propagator.TRACECONTEXT, Propagator.BAGGAGE, Propagator.B3);
        assertThat(inject(both, context(true))).containsKeys("traceparent", "tracestate", "baggage", "b3");
        SpanContext fromB3 = Span.fromContext(extract(both, Map.of("b3", TRACE + "-" + SPAN + "-1"))).getSpanContext();
        assertThat(fromB3.getSpanId()).isEqualTo(SPAN);
    }

    @Test
    void noPropagatorsWriteNothingAndReadNothing() {
        TextMapPropagator none = propagator();
        assertThat(inject(none, context(true))).isEmpty();
        assertThat(Span.fromContext(extract(none, Map.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01"))).getSpanContext().isValid())
                .isFalse();
    }
}
