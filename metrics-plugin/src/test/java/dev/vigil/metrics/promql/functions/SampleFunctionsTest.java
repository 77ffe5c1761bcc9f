package dev.vigil.metrics.promql.functions;

import static dev.vigil.metrics.promql.functions.LoadedSeries.MINUTE;
import static dev.vigil.metrics.promql.functions.LoadedSeries.SECOND;
import static dev.vigil.metrics.promql.functions.LoadedSeries.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleFunctionsTest {

    private static final LoadedSeries FOO = load(5 * MINUTE, "1 2 3 0 1 0 0 1 2 0");
    private static final LoadedSeries BAR = load(5 * MINUTE, "1 2 3 4 5 1 2 3 4 5");
    private static final LoadedSeries BIZ = load(5 * MINUTE, "0 0 0 0 0 1 1 1 1 1");
    private static final long AT = 50 * MINUTE;
    private static final long TICK = 10 * SECOND + 53;

    @Test
    void resetsCountDecreases() {
        assertThat(FOO.window(AT, 5 * MINUTE).size()).isZero();
        assertThat(resets(10 * MINUTE)).containsExactly(0, 0, 0);
        assertThat(resets(600 * SECOND)).containsExactly(0, 0, 0);
        assertThat(resets(20 * MINUTE)).containsExactly(1, 0, 0);
        assertThat(resets(30 * MINUTE)).containsExactly(1, 0, 0);
        assertThat(resets(32 * MINUTE)).containsExactly(2, 1, 0);
        assertThat(resets(50 * MINUTE)).containsExactly(3, 1, 0);
    }

    @Test
    void changesCountDifferences() {
        assertThat(changes(6 * MINUTE)).containsExactly(0, 0, 0);
        assertThat(changes(20 * MINUTE)).containsExactly(2, 2, 0);
        assertThat(changes(30 * MINUTE)).containsExactly(3, 4, 0);
        assertThat(changes(50 * MINUTE)).containsExactly(7, 8, 1);
    }

    @Test
    void nanAfterNaNIsNoChange() {
        assertThat(SampleFunctions.changes(load(5 * MINUTE, "NaN NaN NaN").window(15 * MINUTE, 20 * MINUTE))).isZero();
        assertThat(SampleFunctions.changes(load(5 * MINUTE, "0 NaN 0").window(15 * MINUTE, 20 * MINUTE))).isEqualTo(2);
    }

    @Test
    void timesOfTheExtremes() {
        Window window = load(TICK, "1 2 3 0 5 6 2 1 4").window(90 * SECOND, 90 * SECOND);

        assertThat(SampleFunctions.timeOfMin(window)).isEqualTo(30.159);
        assertThat(SampleFunctions.timeOfMax(window)).isEqualTo(50.265);
    }

    @Test
    void timesOfTheExtremesPreferTheLastOccurrenceAndSkipNaN() {
        Window window = LoadedSeries.of(Double.NaN, 1, 3, 1, 3, Double.NaN);

        assertThat(SampleFunctions.timeOfMin(window)).isEqualTo(3);
        assertThat(SampleFunctions.timeOfMax(window)).isEqualTo(4);
        assertThat(SampleFunctions.timeOfMax(LoadedSeries.of(Double.NaN, Double.NaN))).isEqualTo(1);
    }

    @Test
    void timesOfTheFirstAndLastSample() {
        LoadedSeries lastGone = load(TICK, "1 2 3 _ _");
        assertThat(SampleFunctions.timeOfLast(lastGone.window(90 * SECOND, 90 * SECOND))).isEqualTo(20.106);
        assertThat(SampleFunctions.timeOfLast(lastGone.window(95 * SECOND, 90 * SECOND))).isEqualTo(20.106);

        LoadedSeries lateStart = load(TICK, "_ _ 1 2 3 _ _");
        assertThat(SampleFunctions.timeOfFirst(lateStart.window(90 * SECOND, 90 * SECOND))).isEqualTo(20.106);
        assertThat(SampleFunctions.timeOfFirst(lateStart.window(95 * SECOND, 90 * SECOND))).isEqualTo(20.106);
        assertThat(lateStart.window(15 * SECOND, 90 * SECOND).size()).isZero();
    }

    @Test
    void firstLastAndPresent() {
        String[] series = {"2 0 3", "2 0 NaN", "2 NaN 1", "NaN 0 1"};
        double[] firsts = {2, 2, 2, Double.NaN};
        double[] lasts = {3, Double.NaN, 1, 1};
        for (int i = 0; i < series.length; i++) {
            Window window = load(10 * SECOND, series[i]).window(MINUTE, 2 * MINUTE);
            assertThat(new double[] {SampleFunctions.first(window), SampleFunctions.last(window)})
                    .containsExactly(firsts[i], lasts[i]);
            assertThat(SampleFunctions.present(window)).isEqualTo(1);
        }
        Window sparse = load(10 * SECOND, "_ 5 2 _ 4 _").window(MINUTE, 2 * MINUTE);
        assertThat(SampleFunctions.first(sparse)).isEqualTo(5);
        assertThat(SampleFunctions.last(sparse)).isEqualTo(4);
    }

    private static double[] resets(long range) {
        return new double[] {
            SampleFunctions.resets(FOO.window(AT, range)),
            SampleFunctions.resets(BAR.window(AT, range)),
            SampleFunctions.resets(BIZ.window(AT, range)),
        };
    }

    private static double[] changes(long range) {
        return new double[] {
            SampleFunctions.changes(FOO.window(AT, range)),
            SampleFunctions.changes(BAR.window(AT, range)),
            SampleFunctions.changes(BIZ.window(AT, range)),
        };
    }
}
