package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.range;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.TestData.STALE;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.testing.TestingMetricStore;
import org.junit.jupiter.api.Test;

class SelectorsTest {

    private final TestingMetricStore store = new TestingMetricStore();

    @Test
    void instantSelectorLooksBackFiveMinutesExcludingTheEdge() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0);

        assertThat(Run.vector(Run.instant(store, sel("metric"), 299_000))).containsEntry(Labels.of("__name__", "metric"), 0.0);
        assertThat(Run.vector(Run.instant(store, sel("metric"), 300_000))).isEmpty();
    }

    @Test
    void staleMarkerEndsASeriesAtOnce() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), 0.0, 1.0, STALE, 2.0);

        assertThat(Run.vector(Run.instant(store, sel("metric"), 10_000)).values()).containsExactly(1.0);
        assertThat(Run.vector(Run.instant(store, sel("metric"), 20_000))).isEmpty();
        assertThat(Run.vector(Run.instant(store, sel("metric"), 30_000)).values()).containsExactly(2.0);
    }

    @Test
    void offsetAndAtMoveTheReferenceTime() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric", "job", "1"), TestData.series(0, 1, 100));

        assertThat(Run.vector(Run.instant(store, sel("metric", 50_000, At.timestamp(100_000)), 10_000)).values())
                .containsExactly(5.0);
        assertThat(Run.vector(Run.instant(store, sel("metric", -50_000, At.timestamp(0)), 10_000)).values())
                .containsExactly(5.0);
        assertThat(Run.vector(Run.instant(store, sel("metric", 20_000, null), 500_000)).values())
                .containsExactly(48.0);
    }

    @Test
    void rangeQueryGivesOneValuePerStepSortedByLabels() throws Exception {
        load(store, 30_000, Labels.of("__name__", "metric", "b", "2"), 1.0, 2.0, 3.0, 4.0, 5.0);
        load(store, 30_000, Labels.of("__name__", "metric", "a", "1"), 10.0, 20.0);

        QueryResult result = Run.range(store, sel("metric"), 0, 120_000, 60_000);

        assertThat(Run.matrix(result)).containsExactly(
                org.assertj.core.api.Assertions.entry(Labels.of("__name__", "metric", "a", "1"), "0=10 60=20 120=20"),
                org.assertj.core.api.Assertions.entry(Labels.of("__name__", "metric", "b", "2"), "0=1 60=3 120=5"));
    }

    @Test
    void rangeQueryWithAtRepeatsTheSameSample() throws Exception {
        load(store, 10_000, Labels.of("__name__", "metric"), TestData.series(0, 1, 10));

        QueryResult result = Run.range(store, sel("metric", 0, At.timestamp(11_000)), 0, 60_000, 10_000);

        assertThat(Run.matrix(result).values()).containsExactly("0=1 10=1 20=1 30=1 40=1 50=1 60=1");
    }

    @Test
    void rangeSelectorAtTheTopGivesTheSamplesInTheWindow() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m", "env", "a"), TestData.series(1, 1, 5));

        QueryResult result = Run.instant(store, range(sel("m"), 60_000), 60_000);

        assertThat(result.value()).isInstanceOf(QueryValue.MatrixValue.class);
        assertThat(Run.matrix(result).values()).containsExactly("10=2 20=3 30=4 40=5 50=6");
    }

    @Test
    void matchersSelectSeries() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m", "group", "production"), 1.0);
        load(store, 10_000, Labels.of("__name__", "m", "group", "canary"), 2.0);

        assertThat(Run.vector(Run.instant(store, sel("m", LabelMatcher.regex("group", "pro.*")), 0)).values())
                .containsExactly(1.0);
    }

    @Test
    void samplesCountsWhatTheQueryTouched() throws Exception {
        load(store, 10_000, Labels.of("__name__", "m"), TestData.series(0, 1, 10));

        assertThat(Run.range(store, sel("m"), 0, 100_000, 10_000).samples()).isEqualTo(11);
    }
}
