package dev.vigil.logging.logback;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry span current on the calling thread ({@code Span.current()}), when its context is valid. The
 * OpenTelemetry API lives in the platform layer, so this sees the spans of every plugin and of an embedding
 * application. Thread-safe.
 */
final class CurrentSpan {

    /** The ids of a valid span context: 32 and 16 lower-case hex digits. */
    record Ids(String traceId, String spanId) {}

    /** The span current on the calling thread. */
    static final CurrentSpan PLATFORM = new CurrentSpan();

    private CurrentSpan() {}

    /** The current span's ids, or null when there is no valid span. */
    @Nullable Ids current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? new Ids(context.getTraceId(), context.getSpanId()) : null;
    }
}
