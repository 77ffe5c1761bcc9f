package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a metric query.
 *
 * @param value the value
 * @param statistics what the query did
 */
public record MetricResult(MetricValue value, QueryStatistics statistics) {

    /** Checks. */
    public MetricResult {
        requireNonNull(value, "value is null");
        requireNonNull(statistics, "statistics is null");
    }
}
