package dev.vigil.logging.logback;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OpenTelemetry SDK tracer that keeps the spans it ended (a provider without a processor hands out
 * non-recording spans with invalid ids, so one is needed for real spans).
 */
final class Tracing implements AutoCloseable {

    private final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
            // only ended spans are kept
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span);
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }).build();

    /** A started span named {@code name}, not yet current. */
    Span start(String name) {
        return provider.get("dev.vigil.logging.test").spanBuilder(name).startSpan();
    }

    List<ReadableSpan> ended() {
        return ended;
    }

    @Override
    public void close() {
        provider.close();
    }
}
