package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import dev.vigil.tracing.SpanSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's OpenTelemetry SDK, built from {@link SdkSettings}: what the tracing plugin publishes in the service
 * registry for the kernel, the other plugins and an embedding application.
 *
 * <p>{@link #openTelemetry()} and {@link #tracer()} stay valid for the whole life of this object: when
 * {@link #apply changed settings} are applied, a new SDK is built and swapped in behind them, and the old one is
 * flushed and shut down. A span started before a swap and ended after it is dropped (and counted). After
 * {@link #close()} they hand out spans that record nothing.
 *
 * <p>The global OpenTelemetry is never set or read: an application that embeds the platform may own it.
 *
 * <p>Meters, in {@code meters}: {@code vigil.tracing.sdk.spans} by {@code exporter} (its type, {@code -2} and so on
 * for a repeated type) and {@code outcome}: {@code exported}, {@code failed} (an export failed or timed out) or
 * {@code dropped} (a full queue, or ended after shutdown).
 *
 * <p>Thread-safe; {@link #apply} and {@link #close} are serialized.
 */
public final class PlatformTelemetry implements AutoCloseable {

    /** The instrumentation scope of {@link #tracer()}. */
    public static final String SCOPE = "dev.vigil.platform";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformTelemetry.class);

    private final SpanSink sink;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SwappableOpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final Object lock = new Object();
    private volatile SdkSettings settings;
    private OpenTelemetrySdk sdk;
    private boolean closed;

    private PlatformTelemetry(SdkSettings settings, SpanSink sink, Clock clock, MeterRegistry meters) {
        this.settings = requireNonNull(settings, "settings is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.sdk = SdkAssembly.build(settings, sink, clock, meters);
        this.openTelemetry = new SwappableOpenTelemetry(sdk);
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /**
     * Builds the SDK and starts its exporters.
     *
     * @param sink where the {@code store} exporter hands spans: the platform's trace store
     * @param clock the wall time of span timestamps and of the rate-limiting sampler
     * @param meters where the span counts go
     * @throws IllegalArgumentException if an exporter cannot be built from its settings
     */
    public static PlatformTelemetry start(SdkSettings settings, SpanSink sink, Clock clock, MeterRegistry meters) {
        return new PlatformTelemetry(settings, sink, clock, meters);
    }

    /** The platform's OpenTelemetry: tracer provider and propagators (no meters or logs: the platform has its own). */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The platform's tracer, scope {@value #SCOPE}. */
    public Tracer tracer() {
        return tracer;
    }

    /** The settings in force. */
    public SdkSettings settings() {
        return settings;
    }

    /**
     * Applies {@code next}: when it differs from the settings in force, builds a new SDK, swaps it in behind
     * {@link #openTelemetry()} and {@link #tracer()}, then flushes and shuts down the old one (waiting at most its
     * export timeout). When it cannot be built, the SDK in force stays.
     *
     * @return whether anything changed
     * @throws IllegalArgumentException if an exporter cannot be built from {@code next}
     * @throws IllegalStateException if this was closed
     */
    public boolean apply(SdkSettings next) {
        requireNonNull(next, "next is null");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the platform's OpenTelemetry SDK was closed");
            }
            if (next.equals(settings)) {
                return false;
            }
            OpenTelemetrySdk replacement = SdkAssembly.build(next, sink, clock, meters);
            OpenTelemetrySdk previous = sdk;
            SdkSettings previousSettings = settings;
            openTelemetry.swap(replacement);
            sdk = replacement;
            settings = next;
            shutDown(previous, previousSettings);
            LOG.info("The platform's OpenTelemetry SDK was rebuilt with changed settings");
            return true;
        }
    }

    /**
     * Exports every span ended so far.
     *
     * @return whether that finished within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        OpenTelemetrySdk current;
        synchronized (lock) {
            current = sdk;
        }
        return current.getSdkTracerProvider().forceFlush().join(timeout.toNanos(), TimeUnit.NANOSECONDS).isSuccess();
    }

    /**
     * Exports what is queued and shuts the SDK down, waiting at most the export timeout (and a little more for the
     * exporters to stop). Spans started afterwards record nothing. Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            shutDown(sdk, settings);
        }
    }

    private static void shutDown(OpenTelemetrySdk old, SdkSettings oldSettings) {
        Duration wait = oldSettings.batch().exportTimeout().plusSeconds(2);
        CompletableResultCode done = old.shutdown().join(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (!done.isDone()) {
            LOG.warn("The platform's OpenTelemetry SDK did not shut down within {} ms; spans still queued are lost", wait.toMillis());
        }
    }

    @Override
    public String toString() {
        return "PlatformTelemetry{" + settings + "}";
    }
}
