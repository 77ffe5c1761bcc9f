package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.bin;
import static dev.vigil.metrics.promql.engine.Exprs.neg;
import static dev.vigil.metrics.promql.engine.Exprs.num;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    private final TestingMetricStore store = new TestingMetricStore();

    @Test
    void scalarsFoldToAScalar() throws Exception {
        var result = Run.instant(store, bin(BinaryOp.SUB, num(2), bin(BinaryOp.POW, num(3), num(2))), 0);

        assertThat(result.value()).isEqualTo(new QueryValue.ScalarValue(0, -7));
    }

    @Test
    void arithmeticWithAScalarDropsTheMetricName() throws Exception {
        load(store, 60_000, Labels.of("__name__", "cpu", "mode", "idle"), 3.0);

        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.MUL, sel("cpu"), num(2)), 0)))
                .containsExactly(entry(Labels.of("mode", "idle"), 6.0));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.DIV, num(1), sel("cpu")), 0)))
                .containsExactly(entry(Labels.of("mode", "idle"), 1.0 / 3));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.MOD, sel("cpu"), num(0)), 0)).values().iterator().next())
                .isNaN();
    }

    @Test
    void comparisonFiltersAndKeepsTheVectorValueAndName() throws Exception {
        load(store, 60_000, Labels.of("__name__", "m", "i", "a"), 1.0);
        load(store, 60_000, Labels.of("__name__", "m", "i", "b"), 5.0);

        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.GTR, sel("m"), num(3)), 0)))
                .containsExactly(entry(Labels.of("__name__", "m", "i", "b"), 5.0));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.GTR, num(3), sel("m")), 0)))
                .containsExactly(entry(Labels.of("__name__", "m", "i", "a"), 1.0));
        assertThat(Run.vector(Run.instant(store, bin(BinaryOp.GTR, sel("m"), num(3), true), 0)))
                .containsExactly(entry(Labels.of("i", "a"), 0.0), entry(Labels.of("i", "b"), 1.0));
    }

    @Test
    void unaryMinusDropsTheNameAndJoinsSeriesThatNeverMeet() throws Exception {
        load(store, 1_200_000, Labels.of("__name__", "http_requests", "job", "api"), 2.0, null);
        load(store, 1_200_000, Labels.of("__name__", "http_errors", "job", "api"), null, 4.0);

        var all = neg(sel(null, 0, null, LabelMatcher.equal("job", "api")));
        assertThat(Run.matrix(Run.range(store, all, 0, 1_200_000, 1_200_000)))
                .containsExactly(entry(Labels.of("job", "api"), "0=-2 1200=-4"));
    }

    @Test
    void unaryMinusFailsWhenTwoSeriesBecomeOneAtTheSameTime() {
        load(store, 60_000, Labels.of("__name__", "a", "job", "api"), 1.0);
        load(store, 60_000, Labels.of("__name__", "b", "job", "api"), 2.0);

        var all = neg(sel(null, 0, null, LabelMatcher.equal("job", "api")));
        assertThatThrownBy(() -> Run.instant(store, all, 0))
                .isInstanceOf(QueryException.class)
                .hasMessage("vector cannot contain metrics with the same labelset")
                .extracting(e -> ((QueryException) e).type()).isEqualTo(QueryException.ErrorType.EXECUTION);
    }

    @Test
    void powerFollowsGoForABaseOfOne() {
        assertThat(Ops.pow(1, Double.NaN)).isEqualTo(1);
        assertThat(Ops.pow(-1, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Ops.pow(2, 10)).isEqualTo(1024);
    }
}
