package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    @Test
    void scalarsFoldToAScalar() throws Exception {
        assertThat(queries.instant("2 - 3 ^ 2", 0).value()).isEqualTo(new QueryValue.ScalarValue(0, -7));
        assertThat(Queries.scalar(queries.instant("-2^---1*3", 0))).isEqualTo(-1.5);
        assertThat(Queries.scalar(queries.instant("1 % 0", 0))).isNaN();
        assertThat(Queries.scalar(queries.instant("10 atan2 20", 0))).isEqualTo(0.4636476090008061);
    }

    @Test
    void arithmeticWithAScalarDropsTheMetricName() throws Exception {
        load(store, 60_000, Labels.of("__name__", "cpu", "mode", "idle"), 3.0);

        assertThat(queries.vector("cpu * 2", 0)).containsExactly(entry(Labels.of("mode", "idle"), 6.0));
        assertThat(queries.vector("1 / cpu", 0)).containsExactly(entry(Labels.of("mode", "idle"), 1.0 / 3));
        assertThat(queries.vector("+cpu", 0)).containsExactly(entry(Labels.of("__name__", "cpu", "mode", "idle"), 3.0));
    }

    @Test
    void comparisonFiltersAndKeepsTheVectorValueAndName() throws Exception {
        load(store, 60_000, Labels.of("__name__", "m", "i", "a"), 1.0);
        load(store, 60_000, Labels.of("__name__", "m", "i", "b"), 5.0);

        assertThat(queries.vector("m > 3", 0)).containsExactly(entry(Labels.of("__name__", "m", "i", "b"), 5.0));
        assertThat(queries.vector("3 > m", 0)).containsExactly(entry(Labels.of("__name__", "m", "i", "a"), 1.0));
        assertThat(queries.vector("m > bool 3", 0))
                .containsExactly(entry(Labels.of("i", "a"), 0.0), entry(Labels.of("i", "b"), 1.0));
        assertThat(Queries.scalar(queries.instant("1 == bool 1", 0))).isEqualTo(1);
    }

    @Test
    void unaryMinusDropsTheNameAndJoinsSeriesThatNeverMeet() throws Exception {
        load(store, 1_200_000, Labels.of("__name__", "http_requests", "job", "api"), 2.0, null);
        load(store, 1_200_000, Labels.of("__name__", "http_errors", "job", "api"), null, 4.0);

        assertThat(queries.matrix("-{job=\"api\"}", 0, 1_200_000, 1_200_000))
                .containsExactly(entry(Labels.of("job", "api"), "0=-2 1200=-4"));
    }

    @Test
    void unaryMinusFailsWhenTwoSeriesBecomeOneAtTheSameTime() {
        load(store, 60_000, Labels.of("__name__", "a", "job", "api"), 1.0);
        load(store, 60_000, Labels.of("__name__", "b", "job", "api"), 2.0);

        assertThatThrownBy(() -> queries.instant("-{job=\"api\"}", 0))
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
