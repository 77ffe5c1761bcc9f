package dev.vigil.tracing;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.tracing.otlp.OtlpTracesSettings;
import dev.vigil.tracing.sdk.SdkSettings;
import dev.vigil.tracing.store.TraceStoreSettings;
import dev.vigil.tracing.zipkin.ZipkinSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tracing} section of the configuration. Every key is optional.
 *
 * @param sdk the platform's own OpenTelemetry SDK: service name, sampler, batching, exporters, propagators
 * @param store the embedded trace store: retention, and optional tail-based retention
 * @param otlp the OTLP/HTTP traces receiver ({@code receivers.otlp})
 * @param zipkin Zipkin's v2 API: span ingest and queries
 * @param spanMetrics whether span metrics are written to the metric store (default true)
 * @param spanMetricsInterval how often they are written (default 15s)
 */
public record TracingConfig(SdkSettings sdk, TraceStoreSettings store, OtlpTracesSettings otlp, ZipkinSettings zipkin,
        boolean spanMetrics, Duration spanMetricsInterval) {

    private static final TracingConfig DEFAULTS = new TracingConfig(SdkSettings.defaults(), TraceStoreSettings.defaults(),
            OtlpTracesSettings.defaults(), ZipkinSettings.defaults(), true, Duration.ofSeconds(15));

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code spanMetricsInterval} is below a second
     */
    public TracingConfig {
        requireNonNull(sdk, "sdk is null");
        requireNonNull(store, "store is null");
        requireNonNull(otlp, "otlp is null");
        requireNonNull(zipkin, "zipkin is null");
        requireNonNull(spanMetricsInterval, "spanMetricsInterval is null");
        if (spanMetricsInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("spanMetricsInterval: must be at least 1s, got " + spanMetricsInterval);
        }
    }

    /** Everything at its default. */
    public static TracingConfig defaults() {
        return DEFAULTS;
    }

    /** Whether {@code other} differs from this in what only a restart of the plugin applies. */
    boolean needsRestartFor(TracingConfig other) {
        return !store.equals(other.store) || !otlp.equals(other.otlp) || !zipkin.equals(other.zipkin)
                || spanMetrics != other.spanMetrics || !spanMetricsInterval.equals(other.spanMetricsInterval);
    }

    /** The {@code receivers} section. */
    record Receivers(OtlpTracesSettings otlp) {
        @JsonCreator
        static Receivers of(@JsonProperty("otlp") @Nullable OtlpTracesSettings otlp) {
            return new Receivers(requireNonNullElse(otlp, OtlpTracesSettings.defaults()));
        }
    }

    @JsonCreator
    private static TracingConfig fromConfig(
            @JsonProperty("sdk") @Nullable SdkSettings sdk,
            @JsonProperty("store") @Nullable TraceStoreSettings store,
            @JsonProperty("receivers") @Nullable Receivers receivers,
            @JsonProperty("zipkin") @Nullable ZipkinSettings zipkin,
            @JsonProperty("spanMetrics") @Nullable Boolean spanMetrics,
            @JsonProperty("spanMetricsInterval") @Nullable Duration spanMetricsInterval) {
        return new TracingConfig(
                requireNonNullElse(sdk, DEFAULTS.sdk),
                requireNonNullElse(store, DEFAULTS.store),
                receivers == null ? DEFAULTS.otlp : receivers.otlp(),
                requireNonNullElse(zipkin, DEFAULTS.zipkin),
                requireNonNullElse(spanMetrics, DEFAULTS.spanMetrics),
                requireNonNullElse(spanMetricsInterval, DEFAULTS.spanMetricsInterval));
    }
}
