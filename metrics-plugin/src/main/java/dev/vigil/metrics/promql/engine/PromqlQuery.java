package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.metrics.QueryValue.RangeSeries;
import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One parsed query, run at most once. {@link #cancel()} and {@link #close()} may be called from any thread;
 * the store view the query opens is closed before {@link #execute()} returns or throws.
 */
final class PromqlQuery implements Query {

    /** The limits of one query, after its options were applied over the engine's settings. */
    record Limits(long timeoutNanos, long maxSamples, long lookbackMillis, long defaultSubqueryStepMillis) {}

    private enum State { NEW, RUNNING, DONE, CLOSED }

    private final MetricStore store;
    private final String expression;
    private final Expr expr;
    private final Limits limits;
    private final long start;
    private final long end;
    private final long step;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private volatile boolean cancelled;
    private volatile @Nullable Execution running;

    /** A query from {@code start} to {@code end}; {@code step} is 0 for an instant query. */
    PromqlQuery(MetricStore store, String expression, Expr expr, Limits limits, long start, long end, long step) {
        this.store = store;
        this.expression = expression;
        this.expr = expr;
        this.limits = limits;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public QueryResult execute() throws QueryException {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException("the query has run already or is closed");
        }
        Annotations annotations = new Annotations(expression);
        Execution execution = new Execution(limits.timeoutNanos(), limits.maxSamples(), annotations);
        running = execution;
        if (cancelled) {
            execution.cancel();
        }
        try {
            execution.checkNow(Execution.EXECUTION);
            QueryValue value = evaluate(execution, annotations);
            return new QueryResult(value, annotations.warnings(), annotations.infos(), execution.touched());
        } catch (PromqlException e) {
            throw e.toQueryException();
        } catch (RuntimeException e) {
            throw new QueryException(ErrorType.INTERNAL, "unexpected error: " + e, e);
        } finally {
            running = null;
            state.compareAndSet(State.RUNNING, State.DONE);
        }
    }

    private QueryValue evaluate(Execution execution, Annotations annotations) {
        boolean range = step > 0;
        if (range) {
            SortWarnings.add(expr, annotations);
        }
        QueryTimes times = new QueryTimes(start, end, step, limits.lookbackMillis(), limits.defaultSubqueryStepMillis());
        long[] bounds = QueryBounds.of(expr, times);
        MetricQuerier querier = bounds == null ? null : openQuerier(bounds);
        try {
            Evaluator evaluator = new Evaluator(execution, times, new Selections(querier));
            Grid grid = range ? Grid.between(start, end, step) : Grid.single(start);
            StepValue value = evaluator.eval(expr, grid);
            execution.checkNow(Execution.EVALUATION);
            return range ? rangeResult(value, grid) : instantResult(value);
        } finally {
            if (querier != null) {
                querier.close();
            }
        }
    }

    private MetricQuerier openQuerier(long[] bounds) {
        try {
            return store.querier(Math.min(bounds[0], bounds[1]), bounds[1]);
        } catch (RuntimeException e) {
            throw new PromqlException(ErrorType.INTERNAL, "opening the store: " + e);
        }
    }

    private QueryValue instantResult(StepValue value) {
        if (value instanceof StepValue.Scalar s) {
            return new QueryValue.ScalarValue(start, s.values()[0]);
        }
        if (value instanceof StepValue.Text t) {
            return new QueryValue.StringValue(start, t.value());
        }
        if (value instanceof StepValue.Matrix m) {
            return new QueryValue.MatrixValue(m.series());
        }
        List<QueryValue.Sample> samples = new ArrayList<>();
        for (StepSeries s : ((StepValue.Vector) value).series()) {
            double v = s.values()[0];
            if (Steps.isPresent(v)) {
                samples.add(new QueryValue.Sample(s.labels(), start, v));
            }
        }
        return new QueryValue.VectorValue(samples);
    }

    private static QueryValue rangeResult(StepValue value, Grid grid) {
        List<StepSeries> series;
        if (value instanceof StepValue.Scalar s) {
            series = List.of(new StepSeries(Labels.EMPTY, s.values()));
        } else {
            series = new ArrayList<>(((StepValue.Vector) value).series());
            series.sort(Comparator.comparing(StepSeries::labels));
        }
        List<RangeSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            double[] v = s.values();
            int n = Steps.countPresent(v);
            if (n == 0) {
                continue;
            }
            long[] times = new long[n];
            double[] values = new double[n];
            int j = 0;
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    times[j] = grid.time(k);
                    values[j] = v[k];
                    j++;
                }
            }
            out.add(RangeSeries.wrap(s.labels(), times, values, n));
        }
        return new QueryValue.MatrixValue(out);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Execution execution = running;
        if (execution != null) {
            execution.cancel();
        }
    }

    @Override
    public void close() {
        if (!state.compareAndSet(State.NEW, State.CLOSED) && !state.compareAndSet(State.DONE, State.CLOSED)) {
            cancel();
        }
    }
}
