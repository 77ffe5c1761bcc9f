package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.util.List;

/**
 * What a query gave.
 *
 * @param value the value: a vector or scalar for an instant query (a matrix when the expression is a range
 *     selector), a matrix for a range query
 * @param warnings things that may make the result wrong, as Prometheus words them ({@code PromQL warning: …})
 * @param infos things that may make the result surprising ({@code PromQL info: …})
 * @param samples how many samples the query read from the store and computed, summed over its steps
 */
@Experimental
public record QueryResult(QueryValue value, List<String> warnings, List<String> infos, long samples) {

    /** Checks and copies. */
    public QueryResult {
        requireNonNull(value, "value is null");
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
