package dev.vigil.benchmarks.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * A PromQL service that counts the queries run through it and the samples the engine reports for them
 * ({@link QueryResult#samples()}), and otherwise hands every call to the engine. Thread-safe.
 */
final class CountingQuery implements MetricQuery {

    private final MetricQuery engine;
    private final LongAdder queries = new LongAdder();
    private final LongAdder samples = new LongAdder();

    CountingQuery(MetricQuery engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** The queries run so far. */
    long queries() {
        return queries.sum();
    }

    /** The samples the engine reported for them. */
    long samples() {
        return samples.sum();
    }

    @Override
    public Query instantQuery(String expression, Instant time, QueryOptions options) throws QueryException {
        return counted(engine.instantQuery(expression, time, options));
    }

    @Override
    public Query rangeQuery(String expression, Instant start, Instant end, Duration step, QueryOptions options)
            throws QueryException {
        return counted(engine.rangeQuery(expression, start, end, step, options));
    }

    private Query counted(Query query) {
        return new Query() {
            @Override
            public String expression() {
                return query.expression();
            }

            @Override
            public QueryResult execute() throws QueryException {
                QueryResult result = query.execute();
                queries.increment();
                samples.add(result.samples());
                return result;
            }

            @Override
            public void cancel() {
                query.cancel();
            }

            @Override
            public void close() {
                query.close();
            }
        };
    }
}
