package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The engine's limits and defaults; a query's {@link dev.vigil.api.metrics.QueryOptions} may override them.
 *
 * @param timeout how long a query may run (Prometheus: 2 minutes)
 * @param maxSamples how many samples a query may hold in memory at once (Prometheus: 50,000,000)
 * @param lookbackDelta how far back an instant vector selector looks (Prometheus: 5 minutes)
 */
public record EngineSettings(Duration timeout, long maxSamples, Duration lookbackDelta) {

    /** Checks the values. */
    public EngineSettings {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(lookbackDelta, "lookbackDelta is null");
        if (timeout.isNegative() || timeout.isZero() || lookbackDelta.isNegative() || lookbackDelta.isZero() || maxSamples <= 0) {
            throw new IllegalArgumentException("timeout, maxSamples and lookbackDelta must be positive");
        }
    }

    /** Prometheus's defaults. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofMinutes(2), 50_000_000L, Duration.ofMinutes(5));
    }
}
