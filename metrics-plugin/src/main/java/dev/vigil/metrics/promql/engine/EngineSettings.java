package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The engine's limits and defaults; a query's {@link dev.vigil.api.metrics.QueryOptions} may override them.
 *
 * @param timeout how long a query may run (Prometheus: 2 minutes)
 * @param maxSamples how many samples a query may hold in memory at once (Prometheus: 50,000,000)
 * @param lookbackDelta how far back an instant vector selector looks (Prometheus: 5 minutes)
 * @param defaultSubqueryStep the step of subqueries that give none (Prometheus: the global evaluation interval,
 *     1 minute by default)
 */
public record EngineSettings(Duration timeout, long maxSamples, Duration lookbackDelta, Duration defaultSubqueryStep) {

    /** Checks the values. */
    public EngineSettings {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(lookbackDelta, "lookbackDelta is null");
        requireNonNull(defaultSubqueryStep, "defaultSubqueryStep is null");
        if (timeout.isNegative() || timeout.isZero() || lookbackDelta.isNegative() || lookbackDelta.isZero() || maxSamples <= 0
                || defaultSubqueryStep.toMillis() <= 0) {
            throw new IllegalArgumentException("timeout, maxSamples, lookbackDelta and defaultSubqueryStep must be positive");
        }
    }

    /** Settings with subqueries' default step of 1 minute. */
    public EngineSettings(Duration timeout, long maxSamples, Duration lookbackDelta) {
        this(timeout, maxSamples, lookbackDelta, Duration.ofMinutes(1));
    }

    /** These settings with {@code step} as subqueries' default step. */
    public EngineSettings withDefaultSubqueryStep(Duration step) {
        return new EngineSettings(timeout, maxSamples, lookbackDelta, step);
    }

    /** Prometheus's defaults. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofMinutes(2), 50_000_000L, Duration.ofMinutes(5));
    }
}
