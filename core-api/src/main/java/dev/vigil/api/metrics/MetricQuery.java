package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;
import java.time.Duration;
import java.time.Instant;

/**
 * Answers PromQL queries over the metric store. The metrics plugin publishes one in the service registry;
 * alerting, dashboards and insights look it up there.
 *
 * <p>A query is parsed and checked when it is created, so a malformed expression fails at once with a
 * {@link QueryException} of type {@link QueryException.ErrorType#BAD_DATA} whose message points at the
 * position, such as {@code 1:14: parse error: unexpected right parenthesis ')'}. Running it is a separate
 * step that can be cancelled from another thread. Thread-safe.
 */
@Experimental
public interface MetricQuery {

    /**
     * An instant query: {@code expression} evaluated at {@code time}.
     *
     * @throws QueryException of type {@code BAD_DATA} if the expression does not parse or is not valid
     */
    Query instantQuery(String expression, Instant time, QueryOptions options) throws QueryException;

    /**
     * A range query: {@code expression} evaluated at {@code start}, {@code start + step}, … up to {@code end}.
     * The expression must give an instant vector or a scalar.
     *
     * @throws QueryException of type {@code BAD_DATA} if the expression does not parse, does not give an instant
     *     vector or a scalar, or the range or step are not valid
     */
    Query rangeQuery(String expression, Instant start, Instant end, Duration step, QueryOptions options)
            throws QueryException;

    /** Runs an instant query with the default options and returns its result. */
    default QueryResult instant(String expression, Instant time) throws QueryException {
        try (Query query = instantQuery(expression, time, QueryOptions.DEFAULTS)) {
            return query.execute();
        }
    }

    /** Runs a range query with the default options and returns its result. */
    default QueryResult range(String expression, Instant start, Instant end, Duration step) throws QueryException {
        try (Query query = rangeQuery(expression, start, end, step, QueryOptions.DEFAULTS)) {
            return query.execute();
        }
    }
}
