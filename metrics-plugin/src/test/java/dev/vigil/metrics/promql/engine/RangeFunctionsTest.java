package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.STALE;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

/** Range functions over range selectors and subqueries: their windows, offsets, {@code @} and labels. */
class RangeFunctionsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    @Test
    void windowsAreLeftOpenAndSlideAlongTheSteps() throws Exception {
        load(store, 15_000, Labels.of("__name__", "bar"), 0.0, 1.0, 10.0, 100.0, 1000.0);

        assertThat(queries.matrix("sum_over_time(bar[30s])", 0, 60_000, 30_000).values()).containsExactly("0=0 30=11 60=1100");
    }

    @Test
    void staleMarkersAreNotInWindows() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0, 1.0, STALE, 2.0);

        assertThat(queries.vector("count_over_time(metric[1m])", 30_000).values()).containsExactly(3.0);
        assertThat(queries.vector("count_over_time(metric[10s])", 20_000)).isEmpty();
    }

    @Test
    void offsetAndAtMoveTheWindow() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric", "job", "1"), TestData.series(0, 1, 1000));

        assertThat(queries.vector("sum_over_time(metric[100s] @ 100 offset 50s)", 25_000).values()).containsExactly(15.0);
        assertThat(queries.vector("rate(metric{job=\"1\"}[100s] @ 100)", 25_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(0.1, within(1e-12)));
    }

    @Test
    void predictLinearPredictsFromTheEvaluationTime() throws Exception {
        load(store, 300_000, Labels.of("__name__", "c_total"), 0.0, 10.0, 20.0, 30.0, 40.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0);

        assertThat(queries.vector("predict_linear(c_total[55m] @ 3000, 3600)", 600_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(51.36363636363637, within(1e-9)));
    }

    @Test
    void rangeFunctionsDropTheNameExceptLastAndFirstOverTime() throws Exception {
        load(store, 10_000, Labels.of("__name__", "data", "type", "numbers"), 2.0, 0.0, 3.0);

        assertThat(queries.vector("max_over_time(data[2m])", 60_000)).containsExactly(entry(Labels.of("type", "numbers"), 3.0));
        assertThat(queries.vector("last_over_time(data[2m])", 60_000))
                .containsExactly(entry(Labels.of("__name__", "data", "type", "numbers"), 3.0));
    }

    @Test
    void seriesThatBecomeOneFailAtTheSameStep() {
        load(store, 300_000, Labels.of("__name__", "testmetric1", "src", "a"), 0.0);
        load(store, 300_000, Labels.of("__name__", "testmetric2", "src", "a"), 1.0);

        assertThatThrownBy(() -> queries.instant("changes({__name__=~'testmetric1|testmetric2'}[5m])", 0))
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void rateOfANonCounterNameGivesAnInfo() throws Exception {
        load(store, 60_000, Labels.of("__name__", "requests"), TestData.series(0, 10, 10));

        assertThat(queries.instant("rate(requests[5m])", 600_000).infos()).containsExactly(
                "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"requests\" (1:6)");
    }

    @Test
    void subqueryEvaluatesAtMultiplesOfItsStep() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric1_total"), TestData.series(0, 1, 1000));

        assertThat(queries.vector("sum_over_time(metric1_total[30s:10s])", 1_000_000).values()).containsExactly(297.0);
        assertThat(queries.vector("sum_over_time(metric1_total[30s:5s])", 1_000_000).values()).containsExactly(591.0);
        assertThat(queries.vector("sum_over_time(metric1_total[30s:10s] offset 3s)", 1_010_000).values()).containsExactly(297.0);
        assertThat(queries.vector("rate(sum_over_time(metric1_total[30s:10s])[50s:10s])", 1_000_000).values())
                .singleElement().satisfies(v -> assertThat(v).isCloseTo(0.3, within(1e-12)));
    }

    @Test
    void nestedSubqueriesWithAt() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric", "job", "1"), TestData.series(0, 1, 1000));

        assertThat(queries.vector("sum_over_time(sum_over_time(sum_over_time(metric{job=\"1\"}[10s])[100s:25s] @ 50)[3s:1s] @ 200)",
                0).values()).containsExactly(21.0);
        assertThat(queries.vector("sum_over_time(vector(time())[100s:1s] @ 3000)", 0).values()).containsExactly(295050.0);
    }

    @Test
    void subqueryWithAnEmptyGridGivesNothing() throws Exception {
        load(store, 300_000, Labels.of("__name__", "foo"), TestData.series(3, 0, 10));

        assertThat(queries.instant("min_over_time((topk(1, foo))[1m:5m])", 720_000).warnings()).isEmpty();
        assertThat(queries.vector("min_over_time((topk(1, foo))[1m:5m])", 720_000)).isEmpty();
    }

    @Test
    void absentOverTimeTakesItsLabelsFromEqualityMatchers() throws Exception {
        load(store, 60_000, Labels.of("__name__", "http_requests_total", "path", "/foo"), TestData.series(1, 1, 10));

        assertThat(queries.vector("absent_over_time(http_requests_total{handler=\"/foo\", instance!=\"x\"}[5m])", 60_000))
                .containsExactly(entry(Labels.of("handler", "/foo"), 1.0));
        assertThat(queries.vector("absent_over_time(http_requests_total[5m])", 300_000)).isEmpty();
        assertThat(queries.vector("absent_over_time(http_requests_total[5m])", 15 * 60_000))
                .containsExactly(entry(Labels.EMPTY, 1.0));
        assertThat(queries.vector("absent_over_time(rate(nonexistent[5m])[5m:])", 60_000))
                .containsExactly(entry(Labels.EMPTY, 1.0));
    }

    @Test
    void scalarArgumentsAreEvaluatedAtEachStep() throws Exception {
        load(store, 30_000, Labels.of("__name__", "arg"), 0.0, 0.5, 1.0, 0.75);
        load(store, 30_000, Labels.of("__name__", "metric"), 1.0, 2.0, 3.0, 4.0, 5.0);

        assertThat(queries.matrix("quantile_over_time(scalar(arg), metric[2m1s] @ 2m)", 0, 90_000, 30_000).values())
                .containsExactly("0=1 30=3 60=5 90=4");
    }
}
