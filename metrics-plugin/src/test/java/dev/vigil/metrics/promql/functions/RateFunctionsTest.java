package dev.vigil.metrics.promql.functions;

import static dev.vigil.metrics.promql.functions.LoadedSeries.MINUTE;
import static dev.vigil.metrics.promql.functions.LoadedSeries.SECOND;
import static dev.vigil.metrics.promql.functions.LoadedSeries.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateFunctionsTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void increaseExtrapolatesToTheRangeBoundaries() {
        long at = 50 * MINUTE;
        assertThat(RateFunctions.increase(load(5 * MINUTE, "0+10x10").window(at, 50 * MINUTE))).isCloseTo(100, within(TOLERANCE));
        assertThat(RateFunctions.increase(load(5 * MINUTE, "0+18x5 0+18x5").window(at, 50 * MINUTE))).isCloseTo(160, within(TOLERANCE));
        assertThat(RateFunctions.increase(load(5 * MINUTE, "10+10x10").window(at, 50 * MINUTE))).isCloseTo(100, within(TOLERANCE));
        assertThat(RateFunctions.increase(load(5 * MINUTE, "1+10x10").window(at, 50 * MINUTE))).isCloseTo(100, within(TOLERANCE));
    }

    @Test
    void counterExtrapolationStopsWhereTheCounterWouldReachZero() {
        long at = 50 * MINUTE;
        assertThat(RateFunctions.increase(load(5 * MINUTE, "0+10x10").window(at, 100 * MINUTE))).isCloseTo(100, within(TOLERANCE));
        assertThat(RateFunctions.increase(load(5 * MINUTE, "0+18x5 0+18x5").window(at, 100 * MINUTE))).isCloseTo(162, within(TOLERANCE));
        // Half an interval before the first sample the counter is still above zero...
        assertThat(RateFunctions.increase(load(5 * MINUTE, "10+10x10").window(at, 100 * MINUTE))).isCloseTo(105, within(TOLERANCE));
        // ...but here it would be below zero, so the extrapolation only reaches 30s back.
        assertThat(RateFunctions.increase(load(5 * MINUTE, "1+10x10").window(at, 100 * MINUTE))).isCloseTo(101, within(TOLERANCE));
    }

    @Test
    void aDecreaseIsACounterResetToZero() {
        Window window = load(5 * MINUTE, "0 1 2 3 2 3 4").window(30 * MINUTE, 30 * MINUTE);

        assertThat(RateFunctions.increase(window)).isCloseTo(7, within(TOLERANCE));
    }

    @Test
    void rateIsPerSecondAndHandlesResets() {
        assertThat(RateFunctions.rate(load(5 * MINUTE, "0+27x4 0+27x5").window(50 * MINUTE, 50 * MINUTE)))
                .isCloseTo(0.08, within(TOLERANCE));
        assertThat(RateFunctions.rate(load(5 * MINUTE, "0+80x10").window(50 * MINUTE, 50 * MINUTE)))
                .isCloseTo(0.26666666666666666, within(TOLERANCE));
        Window resetAtTheEnd = load(5 * MINUTE, "0+10x9 0 10").window(50 * MINUTE, 6 * MINUTE);
        assertThat(resetAtTheEnd.size()).isEqualTo(2);
        assertThat(RateFunctions.rate(resetAtTheEnd)).isZero();
        assertThat(load(5 * MINUTE, "0+10x9 0 10").window(50 * MINUTE, 5 * MINUTE).size())
                .isLessThan(FunctionKernels.range().get("rate").minSamples());
    }

    @Test
    void rateOfAnOffsetWindow() {
        assertThat(RateFunctions.rate(load(5 * MINUTE, "0+10x10").window(50 * MINUTE, 10 * MINUTE, 5 * MINUTE)))
                .isCloseTo(0.03333333333333333, within(TOLERANCE));
        assertThat(RateFunctions.rate(load(5 * MINUTE, "0+20x10").window(50 * MINUTE, 10 * MINUTE, 5 * MINUTE)))
                .isCloseTo(0.06666666666666667, within(TOLERANCE));
    }

    @Test
    void zeroCutoffOnlyWithinHalfAnInterval() {
        String[] series = {"0+240x10", "60+240x10", "120+240x10", "180+240x10", "240+240x10", "300+240x10"};
        double[] atTenMinutes = {0.5, 0.55, 0.6, 0.6, 0.6, 0.6};
        for (int i = 0; i < series.length; i++) {
            LoadedSeries loaded = load(4 * MINUTE, series[i]);
            assertThat(RateFunctions.rate(loaded.window(10 * MINUTE, 20 * MINUTE))).isCloseTo(atTenMinutes[i], within(TOLERANCE));
            assertThat(RateFunctions.rate(loaded.window(50 * MINUTE, 20 * MINUTE))).isCloseTo(0.6, within(TOLERANCE));
        }
    }

    @Test
    void deltaDoesNotTreatDecreasesAsResets() {
        assertThat(RateFunctions.delta(load(5 * MINUTE, "0 50 100 150 200").window(20 * MINUTE, 20 * MINUTE)))
                .isCloseTo(200, within(TOLERANCE));
        assertThat(RateFunctions.delta(load(5 * MINUTE, "200 150 100 50 0").window(20 * MINUTE, 20 * MINUTE)))
                .isCloseTo(-200, within(TOLERANCE));
    }

    @Test
    void irateUsesTheLastTwoSamples() {
        assertThat(RateFunctions.irate(load(5 * MINUTE, "0+10x10").window(50 * MINUTE, 50 * MINUTE)))
                .isCloseTo(0.03333333333333333, within(TOLERANCE));
        assertThat(RateFunctions.irate(load(5 * MINUTE, "0+10x5 0+10x5").window(50 * MINUTE, 50 * MINUTE)))
                .isCloseTo(0.03333333333333333, within(TOLERANCE));
        // Right after the reset, the increase is the value itself: 0.
        assertThat(RateFunctions.irate(load(5 * MINUTE, "0+10x5 0+10x5").window(30 * MINUTE, 50 * MINUTE))).isZero();
    }

    @Test
    void irateAndIdeltaWithNaN() {
        LoadedSeries series = load(5 * MINUTE, "1 NaN NaN 5 11");
        long range = 15 * MINUTE + SECOND;
        for (long at = 5 * MINUTE; at <= 15 * MINUTE; at += 5 * MINUTE) {
            assertThat(RateFunctions.irate(series.window(at, range))).isNaN();
            assertThat(RateFunctions.idelta(series.window(at, range))).isNaN();
        }
        assertThat(RateFunctions.irate(series.window(20 * MINUTE, range))).isCloseTo(0.02, within(TOLERANCE));
        assertThat(RateFunctions.idelta(series.window(20 * MINUTE, range))).isEqualTo(6);
    }

    @Test
    void ideltaIsTheLastDifference() {
        assertThat(RateFunctions.idelta(load(5 * MINUTE, "0 50 100 150").window(20 * MINUTE, 20 * MINUTE))).isEqualTo(50);
        assertThat(RateFunctions.idelta(load(5 * MINUTE, "0 50 100 50").window(20 * MINUTE, 20 * MINUTE))).isEqualTo(-50);
    }

    @Test
    void rateOfAMetricNotNamedLikeACounterAddsAnInfo() {
        Window window = load(5 * MINUTE, "0+10x10").window(50 * MINUTE, 50 * MINUTE);
        window.metricName = "http_requests";

        RateFunctions.rate(window);
        RateFunctions.increase(window);

        assertThat(window.annotations.infos()).containsExactly(
                "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
                        + "\"http_requests\" (1:3)");
        assertThat(window.annotations.warnings()).isEmpty();
    }

    @Test
    void counterNamesAndNamelessSeriesAddNoInfo() {
        for (String name : new String[] {"requests_total", "latency_sum", "latency_count", "latency_bucket", ""}) {
            Window window = load(5 * MINUTE, "0+10x10").window(50 * MINUTE, 50 * MINUTE);
            window.metricName = name;
            RateFunctions.rate(window);
            assertThat(window.annotations.infos()).isEmpty();
        }
        Window gauge = load(5 * MINUTE, "0+10x10").window(50 * MINUTE, 50 * MINUTE);
        gauge.metricName = "temperature";
        RateFunctions.delta(gauge);
        RateFunctions.irate(gauge);
        assertThat(gauge.annotations.infos()).isEmpty();
    }

    @Test
    void rangeSecondsAddWholeSecondsAndTheRest() {
        assertThat(RateFunctions.rangeSeconds(901_000)).isEqualTo(901);
        assertThat(RateFunctions.rangeSeconds(1_001)).isEqualTo(1 + 0.001);
    }
}
