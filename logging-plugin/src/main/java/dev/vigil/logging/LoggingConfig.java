package dev.vigil.logging;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.logging.errors.ErrorTrackingSettings;
import dev.vigil.logging.logback.OutputSettings;
import dev.vigil.logging.loki.LokiSettings;
import dev.vigil.logging.metrics.LogMetricSettings;
import dev.vigil.logging.otlp.OtlpLogsSettings;
import dev.vigil.logging.redact.RedactionSettings;
import dev.vigil.logging.store.LogStoreSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code logging} section of the configuration. Every key is optional.
 *
 * @param output the platform's own log outputs and levels (console, rolling file, syslog, the store)
 * @param redaction what is masked in every record before any output or the store sees it
 * @param store the embedded log store: retention by age and size
 * @param otlp the OTLP/HTTP logs receiver ({@code receivers.otlp})
 * @param loki the limits of Loki's query API
 * @param errors error tracking
 * @param errorAlerts whether new error issues and regressions are posted to the alerting plugin, when it runs
 *     (default true)
 * @param metrics log-based metrics: counters of the records that match, in the metric store
 * @param metricsInterval how often the log-based metrics are written to the metric store (default 15s)
 */
public record LoggingConfig(OutputSettings output, RedactionSettings redaction, LogStoreSettings store, OtlpLogsSettings otlp,
        LokiSettings loki, ErrorTrackingSettings errors, boolean errorAlerts, List<LogMetricSettings> metrics,
        Duration metricsInterval) {

    private static final LoggingConfig DEFAULTS = new LoggingConfig(OutputSettings.defaults(), RedactionSettings.defaults(),
            LogStoreSettings.defaults(), OtlpLogsSettings.defaults(), LokiSettings.defaults(), ErrorTrackingSettings.defaults(), true,
            List.of(), Duration.ofSeconds(15));

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if two log-based metrics have the same name, or {@code metricsInterval} is
     *     below a second
     */
    public LoggingConfig {
        requireNonNull(output, "output is null");
        requireNonNull(redaction, "redaction is null");
        requireNonNull(store, "store is null");
        requireNonNull(otlp, "otlp is null");
        requireNonNull(loki, "loki is null");
        requireNonNull(errors, "errors is null");
        metrics = List.copyOf(metrics);
        requireNonNull(metricsInterval, "metricsInterval is null");
        if (metricsInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("metricsInterval: must be at least 1s, got " + metricsInterval);
        }
        Set<String> names = new HashSet<>();
        for (LogMetricSettings metric : metrics) {
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("metrics: the name " + metric.name() + " is used twice");
            }
        }
    }

    /** Everything at its default. */
    public static LoggingConfig defaults() {
        return DEFAULTS;
    }

    /** Whether {@code other} differs from this in what only a restart of the plugin applies. */
    boolean needsRestartFor(LoggingConfig other) {
        return !store.equals(other.store) || !otlp.equals(other.otlp) || !loki.equals(other.loki) || !errors.equals(other.errors)
                || !metricsInterval.equals(other.metricsInterval);
    }

    /** The {@code receivers} section. */
    record Receivers(OtlpLogsSettings otlp) {
        @JsonCreator
        static Receivers of(@JsonProperty("otlp") @Nullable OtlpLogsSettings otlp) {
            return new Receivers(requireNonNullElse(otlp, OtlpLogsSettings.defaults()));
        }
    }

    @JsonCreator
    private static LoggingConfig fromConfig(
            @JsonProperty("output") @Nullable OutputSettings output,
            @JsonProperty("redaction") @Nullable RedactionSettings redaction,
            @JsonProperty("store") @Nullable LogStoreSettings store,
            @JsonProperty("receivers") @Nullable Receivers receivers,
            @JsonProperty("loki") @Nullable LokiSettings loki,
            @JsonProperty("errors") @Nullable ErrorTrackingSettings errors,
            @JsonProperty("errorAlerts") @Nullable Boolean errorAlerts,
            @JsonProperty("metrics") @Nullable List<LogMetricSettings> metrics,
            @JsonProperty("metricsInterval") @Nullable Duration metricsInterval) {
        return new LoggingConfig(
                requireNonNullElse(output, DEFAULTS.output),
                requireNonNullElse(redaction, DEFAULTS.redaction),
                requireNonNullElse(store, DEFAULTS.store),
                receivers == null ? DEFAULTS.otlp : receivers.otlp(),
                requireNonNullElse(loki, DEFAULTS.loki),
                requireNonNullElse(errors, DEFAULTS.errors),
                requireNonNullElse(errorAlerts, DEFAULTS.errorAlerts),
                requireNonNullElse(metrics, DEFAULTS.metrics),
                requireNonNullElse(metricsInterval, DEFAULTS.metricsInterval));
    }
}
