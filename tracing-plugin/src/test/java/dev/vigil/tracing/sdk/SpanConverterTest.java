package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanConverterTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout", AttributeKey.longKey("host.cores"), 8L)))
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer = provider.tracerBuilder("dev.vigil.test").setInstrumentationVersion("1.0").build();

    @AfterEach
    void shutDown() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }

    private SpanRecord only() {
        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        return SpanConverter.convert(spans.get(0));
    }

    @Test
    void convertsEveryPartOfASpan() {
        SpanContext linked = SpanContext.create("11111111111111111111111111111111", "2222222222222222", TraceFlags.getSampled(),
                TraceState.getDefault());
        Span parent = tracer.spanBuilder("parent").setStartTimestamp(1_000, TimeUnit.SECONDS).startSpan();
        Span span = tracer.spanBuilder("GET /orders")
                .setParent(Context.root().with(parent))
                .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
                .setStartTimestamp(1_700_000_000_123_456_789L, TimeUnit.NANOSECONDS)
                .addLink(linked, Attributes.of(AttributeKey.stringKey("link.kind"), "follows"))
                .startSpan();
        span.setAttribute("http.route", "/orders");
        span.setAttribute("http.response.status_code", 500L);
        span.setAttribute("sampling.ratio", 0.25);
        span.setAttribute("retry", true);
        span.setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b\"c"));
        span.setAttribute(AttributeKey.doubleArrayKey("weights"), List.of(1.5, Double.POSITIVE_INFINITY));
        span.setAttribute(AttributeKey.longArrayKey("ids"), List.of(1L, 2L));
        span.setAttribute(AttributeKey.valueKey("payload"), Value.of(Map.of("k", Value.of(1L))));
        span.addEvent("retrying", Attributes.of(AttributeKey.longKey("attempt"), 2L), 1_700_000_000_200_000_000L, TimeUnit.NANOSECONDS);
        span.setStatus(StatusCode.ERROR, "upstream failed");
        span.end(1_700_000_000_323_456_789L, TimeUnit.NANOSECONDS);

        SpanRecord record = only();
        assertThat(record.traceId()).isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(record.spanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(record.parentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(record.name()).isEqualTo("GET /orders");
        assertThat(record.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(record.startNanos()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(record.endNanos()).isEqualTo(1_700_000_000_323_456_789L);
        assertThat(record.status()).isEqualTo(new SpanStatus(SpanStatus.Code.ERROR, "upstream failed"));
        assertThat(record.service()).isEqualTo("checkout");
        assertThat(record.resource()).containsEntry("host.cores", "8");
        assertThat(record.scope()).isEqualTo("dev.vigil.test");
        assertThat(record.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http.route", "/orders",
                "http.response.status_code", "500",
                "sampling.ratio", "0.25",
                "retry", "true",
                "tags", "[\"a\",\"b\\\"c\"]",
                "weights", "[1.5,\"+Inf\"]",
                "ids", "[1,2]",
                "payload", "{\"k\":1}"));
        assertThat(record.events()).containsExactly(new SpanRecord.Event(1_700_000_000_200_000_000L, "retrying", Map.of("attempt", "2")));
        assertThat(record.links()).containsExactly(new SpanRecord.Link("11111111111111111111111111111111", "2222222222222222",
                Map.of("link.kind", "follows")));
        parent.end();
    }

    @Test
    void aSpanWithoutAValidParentIsARoot() {
        tracer.spanBuilder("root").setNoParent().startSpan().end();
        SpanRecord record = only();
        assertThat(record.isRoot()).isTrue();
        assertThat(record.kind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(record.status()).isEqualTo(SpanStatus.UNSET);
        assertThat(record.events()).isEmpty();
        assertThat(record.links()).isEmpty();
    }

    @Test
    void aRemoteParentIsKept() {
        SpanContext remote = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        tracer.spanBuilder("server").setParent(Context.root().with(Span.wrap(remote))).startSpan().end();
        SpanRecord record = only();
        assertThat(record.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(record.parentSpanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void okCarriesNoMessageAndAnEndBeforeTheStartIsTheStart() {
        Span span = tracer.spanBuilder("odd").setStartTimestamp(2_000, TimeUnit.MILLISECONDS).startSpan();
        span.setStatus(StatusCode.OK, "ignored for OK");
        span.end(1_000, TimeUnit.MILLISECONDS);
        SpanRecord record = only();
        assertThat(record.status()).isEqualTo(new SpanStatus(SpanStatus.Code.OK, ""));
        assertThat(record.endNanos()).isEqualTo(record.startNanos()).isEqualTo(2_000_000_000L);
    }

    @Test
    void everyKindMaps() {
        for (io.opentelemetry.api.trace.SpanKind kind : io.opentelemetry.api.trace.SpanKind.values()) {
            assertThat(SpanConverter.kind(kind).name()).isEqualTo(kind.name());
        }
    }
}
