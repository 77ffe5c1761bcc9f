package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.metrics.promql.engine.EngineSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The PromQL engine's limits, the {@code query} section of the metrics plugin. Every key is optional; see
 * {@link #defaults()}. The defaults are Prometheus's ({@code --query.timeout}, {@code --query.max-samples},
 * {@code --query.lookback-delta}, {@code --query.max-concurrency}).
 *
 * @param timeout how long a query may run, waiting for its turn included; a request's {@code timeout} parameter
 *     may only shorten it
 * @param maxSamples how many samples one query may hold in memory at once; a query that needs more fails with
 *     an {@code execution} error
 * @param lookbackDelta how far back an instant vector selector looks for a sample
 * @param maxConcurrent how many queries of the HTTP API run at once; further ones wait for a turn, and fail with
 *     a {@code timeout} error (503) when their timeout passes first
 */
public record QuerySettings(Duration timeout, long maxSamples, Duration lookbackDelta, int maxConcurrent) {

    private static final QuerySettings DEFAULTS =
            new QuerySettings(Duration.ofMinutes(2), 50_000_000L, Duration.ofMinutes(5), 20);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value is not positive, naming the key and the value
     */
    public QuerySettings {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(lookbackDelta, "lookbackDelta is null");
        if (timeout.toMillis() <= 0) {
            throw new IllegalArgumentException("timeout must be at least 1ms, got " + timeout);
        }
        if (maxSamples <= 0) {
            throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
        }
        if (lookbackDelta.toMillis() <= 0) {
            throw new IllegalArgumentException("lookbackDelta must be at least 1ms, got " + lookbackDelta);
        }
        if (maxConcurrent <= 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive, got " + maxConcurrent);
        }
    }

    /** 2 minutes per query, 50,000,000 samples, a 5-minute lookback, 20 queries at once. */
    public static QuerySettings defaults() {
        return DEFAULTS;
    }

    /** The engine's share of these settings. */
    public EngineSettings engineSettings() {
        return new EngineSettings(timeout, maxSamples, lookbackDelta);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static QuerySettings fromConfig(
            @JsonProperty("timeout") @Nullable Duration timeout,
            @JsonProperty("maxSamples") @Nullable Long maxSamples,
            @JsonProperty("lookbackDelta") @Nullable Duration lookbackDelta,
            @JsonProperty("maxConcurrent") @Nullable Integer maxConcurrent) {
        return new QuerySettings(
                requireNonNullElse(timeout, DEFAULTS.timeout),
                requireNonNullElse(maxSamples, DEFAULTS.maxSamples),
                requireNonNullElse(lookbackDelta, DEFAULTS.lookbackDelta),
                requireNonNullElse(maxConcurrent, DEFAULTS.maxConcurrent));
    }
}
