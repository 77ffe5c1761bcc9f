package dev.vigil.logging.logback;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry span current on the calling thread ({@code Span.current()}), when its context is valid.
 *
 * <p>The OpenTelemetry API is reached through method handles rather than linked at compile time, because the
 * plugin is built without it on its class path: it is found at run time through the plugin's class loader (which
 * asks the platform layer first) and, when absent, no event carries trace ids. Thread-safe.
 */
final class CurrentSpan {

    /** The ids of a valid span context: 32 and 16 lower-case hex digits. */
    record Ids(String traceId, String spanId) {}

    /** Finds no span, for platforms without the OpenTelemetry API. */
    static final CurrentSpan NONE = new CurrentSpan(null, null, null, null);

    private final @Nullable MethodHandle currentContext;
    private final @Nullable MethodHandle isValid;
    private final @Nullable MethodHandle traceId;
    private final @Nullable MethodHandle spanId;

    private CurrentSpan(@Nullable MethodHandle currentContext, @Nullable MethodHandle isValid, @Nullable MethodHandle traceId,
            @Nullable MethodHandle spanId) {
        this.currentContext = currentContext;
        this.isValid = isValid;
        this.traceId = traceId;
        this.spanId = spanId;
    }

    /** Looks for the OpenTelemetry API through {@code loader}; {@link #NONE} if it is not there. */
    static CurrentSpan find(@Nullable ClassLoader loader) {
        try {
            Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", true, loader);
            Class<?> context = Class.forName("io.opentelemetry.api.trace.SpanContext", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle current = lookup.findStatic(span, "current", MethodType.methodType(span));
            MethodHandle spanContext = lookup.findVirtual(span, "getSpanContext", MethodType.methodType(context));
            MethodType toString = MethodType.methodType(String.class, Object.class);
            return new CurrentSpan(
                    MethodHandles.filterReturnValue(current, spanContext).asType(MethodType.methodType(Object.class)),
                    lookup.findVirtual(context, "isValid", MethodType.methodType(boolean.class))
                            .asType(MethodType.methodType(boolean.class, Object.class)),
                    lookup.findVirtual(context, "getTraceId", MethodType.methodType(String.class)).asType(toString),
                    lookup.findVirtual(context, "getSpanId", MethodType.methodType(String.class)).asType(toString));
        } catch (ReflectiveOperationException | LinkageError e) {
            // no OpenTelemetry API, or one too different from the one this was written for: no trace ids
            return NONE;
        }
    }

    /** Whether the OpenTelemetry API was found. */
    boolean available() {
        return currentContext != null;
    }

    /** The current span's ids, or null when there is no valid span (or no OpenTelemetry API). */
    @Nullable Ids current() {
        MethodHandle current = currentContext;
        if (current == null || isValid == null || traceId == null || spanId == null) {
            return null;
        }
        try {
            Object context = (Object) current.invokeExact();
            if (!(boolean) isValid.invokeExact(context)) {
                return null;
            }
            return new Ids((String) traceId.invokeExact(context), (String) spanId.invokeExact(context));
        } catch (Throwable e) {
            // Span.current() does not throw; if a broken context storage ever did, logging goes on without ids
            return null;
        }
    }
}
