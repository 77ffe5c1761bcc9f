package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.call;
import static dev.vigil.metrics.promql.engine.Exprs.range;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.Exprs.subquery;
import static dev.vigil.metrics.promql.engine.TestData.STALE;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.functions.RangeFunction;
import dev.vigil.metrics.promql.functions.Window;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows of range selectors and subqueries, seen through simple functions written for the test. */
class RangeEvaluationTest {

    /** The sum of the window's values. */
    private static final RangeFunction SUM = window -> {
        double sum = 0;
        for (int i = window.from; i < window.to; i++) {
            sum += window.values[i];
        }
        return sum;
    };

    /** The number of samples in the window. */
    private static final RangeFunction COUNT = Window::size;

    private final TestingMetricStore store = new TestingMetricStore();

    private List<String> run(RangeFunction fn, Expr matrix, long start, long end, long step) {
        QueryTimes times = new QueryTimes(start, end, step, 300_000, 60_000);
        Call call = call("sum_over_time", matrix);
        long[] bounds = QueryBounds.of(call, times);
        try (MetricQuerier querier = bounds == null ? store.querier(0, 0) : store.querier(bounds[0], bounds[1])) {
            Execution execution = new Execution(Long.MAX_VALUE, Long.MAX_VALUE, new Annotations("q"));
            Evaluator evaluator = new Evaluator(execution, times, new Selections(querier));
            Grid grid = step == 0 ? Grid.single(start) : Grid.between(start, end, step);
            List<String> out = new ArrayList<>();
            for (StepSeries s : evaluator.ranges().apply(fn, call, grid).series()) {
                StringBuilder b = new StringBuilder(s.labels().toString()).append(':');
                for (double v : s.values()) {
                    b.append(' ').append(Steps.isAbsent(v) ? "_" : Long.toString((long) v));
                }
                out.add(b.toString());
            }
            return out;
        }
    }

    @Test
    void windowsAreLeftOpenAndSlideAlongTheSteps() {
        load(store, 15_000, Labels.of("__name__", "bar"), 0.0, 1.0, 10.0, 100.0, 1000.0);

        assertThat(run(SUM, range(sel("bar"), 30_000), 0, 60_000, 30_000)).containsExactly("{}: 0 11 1100");
    }

    @Test
    void staleMarkersAreNotInWindows() {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0, 1.0, STALE, 2.0);

        assertThat(run(COUNT, range(sel("metric"), 60_000), 30_000, 30_000, 0)).containsExactly("{}: 3");
        assertThat(run(COUNT, range(sel("metric"), 10_000), 20_000, 20_000, 0)).isEmpty();
    }

    @Test
    void offsetAndAtMoveTheWindow() {
        load(store, 10_000, Labels.of("__name__", "metric", "job", "1"), TestData.series(0, 1, 1000));

        var at = range(sel("metric", 50_000, At.timestamp(100_000)), 100_000);
        assertThat(run(SUM, at, 25_000, 25_000, 0)).containsExactly("{job=\"1\"}: 15");
    }

    @Test
    void subqueryEvaluatesAtMultiplesOfItsStep() {
        load(store, 10_000, Labels.of("__name__", "metric1_total"), TestData.series(0, 1, 1000));

        SubqueryExpr every10s = subquery(sel("metric1_total"), 30_000, 10_000);
        SubqueryExpr every5s = subquery(sel("metric1_total"), 30_000, 5_000);
        SubqueryExpr shifted = new SubqueryExpr(sel("metric1_total"), 30_000, 10_000, 3_000, null, Exprs.POS);

        assertThat(run(SUM, every10s, 1_000_000, 1_000_000, 0)).containsExactly("{}: 297");
        assertThat(run(SUM, every5s, 1_000_000, 1_000_000, 0)).containsExactly("{}: 591");
        assertThat(run(SUM, shifted, 1_010_000, 1_010_000, 0)).containsExactly("{}: 297");
    }

    @Test
    void subqueryWithAnEmptyGridGivesNothing() {
        load(store, 300_000, Labels.of("__name__", "foo"), TestData.series(3, 0, 10));

        assertThat(run(COUNT, subquery(sel("foo"), 60_000, 300_000), 720_000, 720_000, 0)).isEmpty();
    }
}
