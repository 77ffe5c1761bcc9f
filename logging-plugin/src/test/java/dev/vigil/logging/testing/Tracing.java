package dev.vigil.logging.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** OpenTelemetry SDK tracing for tests that need real spans with ids. */
public final class Tracing {

    private Tracing() {}

    /**
     * A tracer provider whose spans are recorded and get ids. With no span processor at all the SDK hands out spans it
     * does not record, whose ids are all zeros.
     */
    public static SdkTracerProvider recording() {
        return SdkTracerProvider.builder().addSpanProcessor(new KeepNothing()).build();
    }

    /** A span processor that keeps nothing. */
    private static final class KeepNothing implements SpanProcessor {
        @Override
        public void onStart(Context parent, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }
}
