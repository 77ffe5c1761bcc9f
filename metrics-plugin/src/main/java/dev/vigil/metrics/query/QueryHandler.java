package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code /api/v1/query} and {@code /api/v1/query_range}: checks the parameters as Prometheus does, has the
 * engine parse the expression (a malformed one is answered at once, without waiting for a turn), waits for a
 * turn at the {@link QueryGate}, runs the query within its timeout (the wait included) and writes the result.
 * Thread-safe.
 */
final class QueryHandler {

    /** The warning added when {@code limit} leaves series out. */
    static final String TRUNCATED = "results truncated due to limit";

    private static final long MAX_POINTS = 11_000;
    private static final int MAX_ANNOTATIONS = 10;

    private final MetricQuery engine;
    private final QueryGate gate;
    private final Duration maxTimeout;
    private final Clock clock;

    /**
     * @param engine runs the queries
     * @param gate how many queries may run at once
     * @param maxTimeout the longest a query may take; a request's {@code timeout} can only shorten it
     * @param clock gives the time of an instant query without {@code time}
     */
    QueryHandler(MetricQuery engine, QueryGate gate, Duration maxTimeout, Clock clock) {
        this.engine = requireNonNull(engine, "engine is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.maxTimeout = requireNonNull(maxTimeout, "maxTimeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** {@code /api/v1/query}: {@code query}, {@code time} (default now), {@code timeout}, {@code limit}, {@code lookback_delta}. */
    void instant(HttpExchange exchange) throws QueryException {
        ApiParams params = new ApiParams(exchange);
        int limit = params.limit();
        Instant time = Instant.ofEpochMilli(params.optionalTime("time", clock.millis()));
        long timeout = timeoutNanos(params);
        QueryOptions options = options(params);
        String expression = params.value("query");
        run(exchange, t -> engine.instantQuery(expression, time, options.withTimeout(t)), timeout, limit);
    }

    /**
     * {@code /api/v1/query_range}: {@code query}, {@code start}, {@code end}, {@code step}, {@code timeout},
     * {@code limit}, {@code lookback_delta}; at most 11,000 points per series.
     */
    void range(HttpExchange exchange) throws QueryException {
        ApiParams params = new ApiParams(exchange);
        int limit = params.limit();
        long start = params.requiredTime("start");
        long end = params.requiredTime("end");
        if (end < start) {
            throw ApiParams.invalidParameter("end", "end timestamp must not be before start time");
        }
        long step = params.requiredDuration("step");
        if (step <= 0) {
            throw ApiParams.invalidParameter("step",
                    "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if (spanNanos(start, end) / step > MAX_POINTS) {
            throw ApiParams.badData(
                    "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }
        long timeout = timeoutNanos(params);
        QueryOptions options = options(params);
        String expression = params.value("query");
        Instant from = Instant.ofEpochMilli(start);
        Instant to = Instant.ofEpochMilli(end);
        Duration resolution = Duration.ofNanos(step);
        run(exchange, t -> engine.rangeQuery(expression, from, to, resolution, options.withTimeout(t)), timeout, limit);
    }

    /** Creates a query that may run for {@code timeout}. */
    @FunctionalInterface
    private interface QueryFactory {
        Query create(Duration timeout) throws QueryException;
    }

    private void run(HttpExchange exchange, QueryFactory factory, long timeoutNanos, int limit) throws QueryException {
        long deadline = System.nanoTime() + timeoutNanos;
        Query query = create(factory, timeoutNanos > 0 ? Duration.ofNanos(timeoutNanos) : maxTimeout);
        QueryResult result;
        try {
            if (timeoutNanos <= 0) {
                throw timedOutInQueue();
            }
            boolean waited = !gate.tryEnter();
            if (waited && !gate.enter(timeoutNanos)) {
                throw timedOutInQueue();
            }
            try {
                if (waited) {
                    // The wait counts against the timeout: the query gets what is left of it.
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw timedOutInQueue();
                    }
                    Query fresh = create(factory, Duration.ofNanos(left));
                    query.close();
                    query = fresh;
                }
                result = query.execute();
            } finally {
                gate.leave();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException(QueryException.ErrorType.CANCELED, "query was canceled in query queue", e);
        } finally {
            query.close();
        }
        respond(exchange, result, limit);
    }

    private static Query create(QueryFactory factory, Duration timeout) throws QueryException {
        try {
            return factory.create(timeout);
        } catch (QueryException e) {
            throw new QueryException(QueryException.ErrorType.BAD_DATA, "invalid parameter \"query\": " + e.getMessage(), e);
        }
    }

    private static void respond(HttpExchange exchange, QueryResult result, int limit) {
        List<String> warnings = new ArrayList<>();
        if (ValueWriter.truncates(result.value(), limit)) {
            warnings.add(TRUNCATED);
        }
        warnings.addAll(result.warnings());
        ApiJson.success(exchange, (json, numbers) -> ValueWriter.writeQueryData(json, numbers, result.value(), limit),
                atMostTen(warnings, "warning"), atMostTen(result.infos(), "info"));
    }

    /** The first ten annotations, and how many more there were, as Prometheus sends them. */
    static List<String> atMostTen(List<String> annotations, String kind) {
        if (annotations.size() <= MAX_ANNOTATIONS) {
            return annotations;
        }
        List<String> kept = new ArrayList<>(annotations.subList(0, MAX_ANNOTATIONS));
        kept.add((annotations.size() - MAX_ANNOTATIONS) + " more " + kind + " annotations omitted");
        return kept;
    }

    /** The request's {@code timeout} capped by the configured one, in nanoseconds; zero or less when it has passed. */
    private long timeoutNanos(ApiParams params) throws QueryException {
        long max = maxTimeout.toNanos();
        OptionalLong requested = params.optionalDuration("timeout");
        return requested.isPresent() ? Math.min(requested.getAsLong(), max) : max;
    }

    private static QueryOptions options(ApiParams params) throws QueryException {
        String text = params.value("lookback_delta");
        if (text.isEmpty()) {
            return QueryOptions.DEFAULTS;
        }
        long nanos;
        try {
            nanos = ApiTime.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw ApiParams.badData("error parsing lookback delta duration: " + e.getMessage());
        }
        // Zero or less means the engine's default, as in Prometheus.
        return nanos > 0 ? QueryOptions.DEFAULTS.withLookbackDelta(Duration.ofNanos(nanos)) : QueryOptions.DEFAULTS;
    }

    /** {@code end - start} in nanoseconds, saturated as Go's {@code Time.Sub} is. */
    private static long spanNanos(long startMillis, long endMillis) {
        long millis = endMillis - startMillis;
        if (millis < 0 || millis > Long.MAX_VALUE / 1_000_000) {
            return Long.MAX_VALUE;
        }
        return millis * 1_000_000;
    }

    private static QueryException timedOutInQueue() {
        return new QueryException(QueryException.ErrorType.TIMEOUT, "query timed out in query queue");
    }
}
