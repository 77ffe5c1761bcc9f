package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.parser.PromqlParseException;
import dev.vigil.metrics.promql.parser.PromqlParser;
import java.time.Duration;
import java.time.Instant;

/**
 * The PromQL engine over a {@link MetricStore}: parses and checks a query when it is created, and evaluates it
 * when the returned {@link Query} is executed. Evaluation works over all steps of a query at once, series by
 * series, reading each selected series from the store once. Thread-safe: any number of queries may be
 * created and run at the same time.
 */
public final class PromqlEngine implements MetricQuery {

    /** The most points a range query may have per series, as in Prometheus. */
    static final long MAX_POINTS = 11_000;

    private final MetricStore store;
    private final EngineSettings settings;

    /** An engine reading {@code store} with {@code settings}. */
    public PromqlEngine(MetricStore store, EngineSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Query instantQuery(String expression, Instant time, QueryOptions options) throws QueryException {
        requireNonNull(time, "time is null");
        Expr expr = parse(expression);
        long t = time.toEpochMilli();
        return new PromqlQuery(store, expression, expr, limits(options), t, t, 0);
    }

    @Override
    public Query rangeQuery(String expression, Instant start, Instant end, Duration step, QueryOptions options)
            throws QueryException {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(step, "step is null");
        Expr expr = parse(expression);
        if (expr.type() != ValueType.VECTOR && expr.type() != ValueType.SCALAR) {
            throw new QueryException(ErrorType.BAD_DATA, "invalid expression type \"" + expr.type().description()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        long stepMillis = step.toMillis();
        if (stepMillis <= 0) {
            throw new QueryException(ErrorType.BAD_DATA,
                    "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        if (to < from) {
            throw new QueryException(ErrorType.BAD_DATA, "end timestamp must not be before start time");
        }
        if ((to - from) / stepMillis + 1 > MAX_POINTS) {
            throw new QueryException(ErrorType.BAD_DATA, "exceeded maximum resolution of 11,000 points per "
                    + "timeseries. Try decreasing the query resolution (?step=XX)");
        }
        return new PromqlQuery(store, expression, expr, limits(options), from, to, stepMillis);
    }

    private static Expr parse(String expression) throws QueryException {
        requireNonNull(expression, "expression is null");
        try {
            return PromqlParser.parse(expression);
        } catch (PromqlParseException e) {
            throw new QueryException(ErrorType.BAD_DATA, e.getMessage(), e);
        }
    }

    private PromqlQuery.Limits limits(QueryOptions options) {
        requireNonNull(options, "options is null");
        Duration timeout = options.timeout().orElse(settings.timeout());
        long maxSamples = options.maxSamples().orElse(settings.maxSamples());
        Duration lookback = options.lookbackDelta().orElse(settings.lookbackDelta());
        return new PromqlQuery.Limits(saturatedNanos(timeout), maxSamples, Math.max(1, lookback.toMillis()),
                settings.defaultSubqueryStep().toMillis());
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
