package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.STALE;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class SelectorsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final Queries queries = new Queries(store);

    @Test
    void instantSelectorLooksBackFiveMinutesExcludingTheEdge() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0);

        assertThat(queries.vector("metric", 299_000)).containsExactly(entry(Labels.of("__name__", "metric"), 0.0));
        assertThat(queries.vector("metric", 300_000)).isEmpty();
    }

    @Test
    void staleMarkerEndsASeriesAtOnce() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0, 1.0, STALE, 2.0);

        assertThat(queries.vector("metric", 10_000).values()).containsExactly(1.0);
        assertThat(queries.vector("metric", 20_000)).isEmpty();
        assertThat(queries.vector("metric", 30_000).values()).containsExactly(2.0);
    }

    @Test
    void offsetAndAtMoveTheReferenceTime() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric", "job", "1"), TestData.series(0, 1, 100));

        assertThat(queries.vector("metric @ 100 offset 50s", 10_000).values()).containsExactly(5.0);
        assertThat(queries.vector("metric offset -50s @ 0", 10_000).values()).containsExactly(5.0);
        assertThat(queries.vector("metric offset 20s", 500_000).values()).containsExactly(48.0);
        assertThat(queries.vector("metric @ 1m40s", 10_000).values()).containsExactly(10.0);
    }

    @Test
    void rangeQueryGivesOneValuePerStepSortedByLabels() throws Exception {
        load(store, 30_000, Labels.of("__name__", "metric", "b", "2"), 1.0, 2.0, 3.0, 4.0, 5.0);
        load(store, 30_000, Labels.of("__name__", "metric", "a", "1"), 10.0, 20.0);

        assertThat(queries.matrix("metric", 0, 120_000, 60_000)).containsExactly(
                entry(Labels.of("__name__", "metric", "a", "1"), "0=10 60=20 120=20"),
                entry(Labels.of("__name__", "metric", "b", "2"), "0=1 60=3 120=5"));
    }

    @Test
    void atStartAndEndPinTheWholeRange() throws Exception {
        load(store, 1_000, Labels.of("__name__", "metric_for_at"), TestData.series(1, 1, 9));

        assertThat(queries.matrix("metric_for_at @ start()", 0, 9_000, 3_000).values()).containsExactly("0=1 3=1 6=1 9=1");
        assertThat(queries.matrix("metric_for_at @ end()", 1_000, 9_000, 2_000).values())
                .containsExactly("1=10 3=10 5=10 7=10 9=10");
    }

    @Test
    void rangeSelectorAtTheTopGivesTheSamplesInTheWindow() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m", "env", "a"), TestData.series(1, 1, 5));

        QueryResult result = queries.instant("m[1m]", 60_000);

        assertThat(result.value()).isInstanceOf(QueryValue.MatrixValue.class);
        assertThat(Queries.matrix(result).values()).containsExactly("10=2 20=3 30=4 40=5 50=6");
    }

    @Test
    void subqueryAtTheTopGivesItsEvaluations() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m"), TestData.series(0, 1, 100));

        assertThat(Queries.matrix(queries.instant("m[30s:10s]", 100_000)).values()).containsExactly("80=8 90=9 100=10");
    }

    @Test
    void matchersSelectSeries() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m", "group", "production"), 1.0);
        load(store, 10_000, Labels.of("__name__", "m", "group", "canary"), 2.0);

        assertThat(queries.vector("m{group=~\"(?i:PRO).*\"}", 0).values()).containsExactly(1.0);
        assertThat(queries.vector("{__name__=\"m\", group!=\"production\"}", 0).values()).containsExactly(2.0);
    }

    @Test
    void samplesCountsWhatTheQueryTouched() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m"), TestData.series(0, 1, 10));

        assertThat(queries.range("m", 0, 100_000, 10_000).samples()).isEqualTo(11);
    }
}
