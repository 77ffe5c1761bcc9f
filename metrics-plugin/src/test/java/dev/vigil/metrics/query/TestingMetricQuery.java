package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MetricQuery} for tests of what sits in front of an engine: it answers every query with the result
 * or failure the test set, records what it was asked, and can hold executions until the test releases them.
 */
final class TestingMetricQuery implements MetricQuery {

    /** One query as it was created: {@code end} and {@code step} are null for an instant query. */
    record Call(String expression, Instant start, @Nullable Instant end, @Nullable Duration step, QueryOptions options) {}

    private final List<Call> calls = new ArrayList<>();
    private volatile QueryResult result = new QueryResult(new QueryValue.VectorValue(List.of()), List.of(), List.of(), 0);
    private volatile @Nullable QueryException createFailure;
    private volatile @Nullable QueryException executeFailure;
    private volatile @Nullable RuntimeException executeCrash;
    private volatile @Nullable CountDownLatch hold;
    private final CountDownLatch running = new CountDownLatch(1);

    /** Every query answers {@code value}, with these annotations. */
    void answer(QueryValue value, List<String> warnings, List<String> infos) {
        result = new QueryResult(value, warnings, infos, 0);
    }

    /** Creating a query fails with {@code failure}, as for a malformed expression. */
    void failOnCreate(@Nullable QueryException failure) {
        createFailure = failure;
    }

    /** Running a query fails with {@code failure}. */
    void failOnExecute(@Nullable QueryException failure) {
        executeFailure = failure;
    }

    /** Running a query throws {@code crash}, as an engine with a bug would. */
    void crashOnExecute(RuntimeException crash) {
        executeCrash = crash;
    }

    /** Holds every execution until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    /** Lets held executions go on. */
    void release() {
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
    }

    /** Waits until an execution has started. */
    void awaitRunning() throws InterruptedException {
        if (!running.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no query started");
        }
    }

    /** The queries created so far. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The last query created. */
    synchronized Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("no query was created");
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public Query instantQuery(String expression, Instant time, QueryOptions options) throws QueryException {
        return create(new Call(expression, time, null, null, options));
    }

    @Override
    public Query rangeQuery(String expression, Instant start, Instant end, Duration step, QueryOptions options)
            throws QueryException {
        return create(new Call(expression, start, end, step, options));
    }

    private Query create(Call call) throws QueryException {
        synchronized (this) {
            calls.add(call);
        }
        QueryException failure = createFailure;
        if (failure != null) {
            throw failure;
        }
        return new TestingQuery(call.expression());
    }

    private final class TestingQuery implements Query {
        private final String expression;

        TestingQuery(String expression) {
            this.expression = requireNonNull(expression, "expression is null");
        }

        @Override
        public String expression() {
            return expression;
        }

        @Override
        public QueryResult execute() throws QueryException {
            running.countDown();
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    if (!h.await(30, TimeUnit.SECONDS)) {
                        throw new AssertionError("the test did not release the query");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new QueryException(QueryException.ErrorType.CANCELED, "interrupted", e);
                }
            }
            RuntimeException crash = executeCrash;
            if (crash != null) {
                throw crash;
            }
            QueryException failure = executeFailure;
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public void cancel() {
            release();
        }

        @Override
        public void close() {}
    }
}
