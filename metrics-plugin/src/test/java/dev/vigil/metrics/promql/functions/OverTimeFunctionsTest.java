package dev.vigil.metrics.promql.functions;

import static dev.vigil.metrics.promql.functions.LoadedSeries.MINUTE;
import static dev.vigil.metrics.promql.functions.LoadedSeries.SECOND;
import static dev.vigil.metrics.promql.functions.LoadedSeries.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OverTimeFunctionsTest {

    @Test
    void avgOverTime() {
        LoadedSeries metric = load(10 * SECOND, "1 2 3 4 5");
        assertThat(metric.window(55 * SECOND, 10 * SECOND).size()).isZero();
        assertThat(OverTimeFunctions.avg(metric.window(55 * SECOND, 20 * SECOND))).isEqualTo(5);
        assertThat(OverTimeFunctions.avg(metric.window(55 * SECOND, MINUTE))).isEqualTo(3);
    }

    @Test
    void avgOverTimeWithInfinities() {
        assertThat(avg("1 2 3 4 Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(avg("1 2 3 4 -Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(avg("1 2 3 Inf -Inf")).isNaN();
        assertThat(avg("Inf 0 Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(avg("Inf Inf Inf -Inf")).isNaN();
        assertThat(avg("1 2 3 -Inf -Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(avg("-Inf 0 -Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(avg("-Inf -Inf -Inf Inf")).isNaN();
        assertThat(avg("1 2 -Inf -Inf Inf")).isNaN();
    }

    @Test
    void avgOverTimeDoesNotOverflowWhereTheSumDoes() {
        assertThat(avg("9.988465674311579e+307 9.988465674311579e+307")).isEqualTo(9.988465674311579e+307);
        assertThat(sum("9.988465674311579e+307 9.988465674311579e+307")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(avg("-9.988465674311579e+307 -9.988465674311579e+307 -9.988465674311579e+307"))
                .isEqualTo(-9.988465674311579e+307);
        assertThat(sum("-9.988465674311579e+307 -9.988465674311579e+307 -9.988465674311579e+307"))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(avg("-9.988465674311579e+307 9.988465674311579e+307")).isZero();
    }

    @Test
    void avgOverTimeWithNaN() {
        LoadedSeries series = load(10 * SECOND, "1 2 3 NaN NaN");
        assertThat(OverTimeFunctions.avg(series.window(20 * SECOND, MINUTE))).isEqualTo(2);
        assertThat(OverTimeFunctions.avg(series.window(30 * SECOND, MINUTE))).isNaN();
        assertThat(OverTimeFunctions.avg(series.window(55 * SECOND, MINUTE))).isNaN();
    }

    @Test
    void bigIntermediateValuesLoseNoDetail() {
        Window window = load(10 * SECOND, "1 1e100 1 -1e100").window(MINUTE, 2 * MINUTE);

        assertThat(OverTimeFunctions.sum(window)).isEqualTo(2);
        assertThat(OverTimeFunctions.avg(window)).isEqualTo(0.5);
    }

    @Test
    void avgOverTimeOfValuesOfVeryDifferentMagnitudes() {
        assertRelativelyClose(avg5s("1e10 1e-6 1e-6 1e-6 1e-6 1e-6"), 1.6666666666666675e+09);
        assertRelativelyClose(avg5s("5.30921651659898 0.961118537914768 1.62091361305318 0.865089463758091 "
                + "0.323055185914577 0.951811357687154"), 1.67186744582113);
        assertRelativelyClose(avg5s("1.78264e50 0.76342771 1.9592258 7.69805412 458.90154"), 3.56528E+49);
        assertRelativelyClose(avg5s("0.76342771 1.9592258 7.69805412 1.78264e50 458.90154"), 3.56528E+49);
        assertRelativelyClose(avg5s("1.78264E+50 0.76342771 1.9592258 2.258E+220 7.69805412 458.90154"),
                3.76333333333333E+219);
        assertRelativelyClose(avg5s("-1.78264E+50 0.76342771 1.9592258 2.258E+220 7.69805412 -458.90154"),
                3.76333333333333E+219);
        assertRelativelyClose(avg5s("-1.78264E+50 0.76342771 1.9592258 -2.258E+220 7.69805412 -458.90154"),
                -3.76333333333333E+219);
        assertRelativelyClose(avg5s("-1.78264E+215 0.76342771 1.9592258 2.258E+220 7.69805412 -458.90154"),
                3.76330362266667E+219);
        assertRelativelyClose(avg5s("-1.78264E+215 0.76342771 1.9592258 2.258E+220 7.69805412 1.78264E+215 "
                + "-458.90154"), 3.225714285714286e+219);
        assertRelativelyClose(avg5s("-1.78264E+219 0.76342771 1.9592258 2.3757689E+217 -2.3757689E+217 2.258E+220 "
                + "7.69805412 1.78264E+219 -458.90154"), 2.5088888888888888e+219);
        // The exact answer is -44.848083237000004; compensated summation gives 0, as in Prometheus.
        assertThat(avg5s("-2.258E+220 -1.78264E+219 0.76342771 1.9592258 2.3757689E+217 -2.3757689E+217 2.258E+220 "
                + "7.69805412 1.78264E+219 -458.90154")).isZero();
    }

    @Test
    void avgOverTimeOfEqualValuesIsExact() {
        LoadedSeries foo = load(10 * SECOND, "52+0x100");
        for (long range : new long[] {100, 110, 120, 130}) {
            assertThat(OverTimeFunctions.avg(foo.window(10 * MINUTE, range * SECOND))).isEqualTo(52);
        }
    }

    @Test
    void sumOverTimeOfDenseSamples() {
        LoadedSeries metric = load(1, "1+0x4000");
        for (long range : new long[] {1000, 1001, 1002, 1003, 2000, 2001, 2002, 2003, 3000, 3001, 3002, 3003}) {
            assertThat(OverTimeFunctions.sum(metric.window(4 * SECOND, range))).isEqualTo(range);
        }
    }

    @Test
    void minAndMaxIgnoreNaNUnlessAllAreNaN() {
        assertThat(minMax("2 0 3")).containsExactly(0, 3);
        assertThat(minMax("2 0 NaN")).containsExactly(0, 2);
        assertThat(minMax("2 NaN 1")).containsExactly(1, 2);
        assertThat(minMax("NaN 0 1")).containsExactly(0, 1);
        assertThat(minMax("NaN NaN NaN")).containsExactly(Double.NaN, Double.NaN);
        assertThat(minMax("_ 5 2 _ 4 _")).containsExactly(2, 5);
    }

    @Test
    void countOverTime() {
        assertThat(OverTimeFunctions.count(load(10 * SECOND, "_ 5 2 _ 4 _").window(MINUTE, 2 * MINUTE))).isEqualTo(3);
    }

    @Test
    void stddevAndStdvarOverTime() {
        Window window = load(10 * SECOND, "0 8 8 2 3").window(MINUTE, 2 * MINUTE);
        assertThat(OverTimeFunctions.stdvar(window)).isCloseTo(10.56, within(1e-12));
        assertThat(OverTimeFunctions.stddev(window)).isCloseTo(3.249615, within(1e-6));

        Window constant = load(10 * SECOND, "1.5990505637277868 1.5990505637277868 1.5990505637277868")
                .window(55 * SECOND, MINUTE);
        assertThat(OverTimeFunctions.stdvar(constant)).isZero();
        assertThat(OverTimeFunctions.stddev(constant)).isZero();
        assertThat(OverTimeFunctions.stddev(LoadedSeries.of(1, Double.NaN))).isNaN();
        assertThat(OverTimeFunctions.stdvar(LoadedSeries.of(7))).isZero();
    }

    @Test
    void madOverTime() {
        assertThat(OverTimeFunctions.mad(load(10 * SECOND, "4 6 2 1 999 1 2").window(70 * SECOND, 70 * SECOND)))
                .isEqualTo(1);
        assertThat(OverTimeFunctions.mad(load(10 * SECOND, "1 2 3 4 5").window(40 * SECOND, 50 * SECOND))).isEqualTo(1);
        assertThat(OverTimeFunctions.mad(load(10 * SECOND, "7 7 7 7 7").window(40 * SECOND, 50 * SECOND))).isZero();
        assertThat(OverTimeFunctions.mad(load(10 * SECOND, "5").window(0, 10 * SECOND))).isZero();
        assertThat(OverTimeFunctions.mad(load(10 * SECOND, "1 2 NaN 4").window(30 * SECOND, 40 * SECOND))).isNaN();
    }

    @Test
    void madOverTimeLeavesTheWindowAlone() {
        Window window = LoadedSeries.of(3, 1, 2);

        OverTimeFunctions.mad(window);

        assertThat(window.values).containsExactly(3, 1, 2);
    }

    @Test
    void quantileOverTime() {
        String[] series = {"0 1", "0 1 2", "0 1 4"};
        double[][] expected = {
            {0, 0, 0}, {0.5, 1, 1}, {0.75, 1.5, 2.5}, {0.8, 1.6, 2.8}, {1, 2, 4},
        };
        double[] qs = {0, 0.5, 0.75, 0.8, 1};
        for (int i = 0; i < qs.length; i++) {
            for (int s = 0; s < series.length; s++) {
                Window window = load(10 * SECOND, series[s]).window(MINUTE, 2 * MINUTE);
                assertThat(quantile(window, qs[i])).isCloseTo(expected[i][s], within(1e-12));
                assertThat(window.annotations.warnings()).isEmpty();
            }
        }
    }

    @Test
    void quantileOverTimeOutsideTheUnitIntervalWarns() {
        Window low = load(10 * SECOND, "0 1 2").window(MINUTE, 2 * MINUTE);
        assertThat(quantile(low, -1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(low.annotations.warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got -1 (1:3)");

        Window high = load(10 * SECOND, "0 1 2").window(MINUTE, 2 * MINUTE);
        assertThat(quantile(high, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(high.annotations.warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got 2 (1:3)");

        Window nan = load(10 * SECOND, "0 1 2").window(MINUTE, 2 * MINUTE);
        assertThat(quantile(nan, Double.NaN)).isNaN();
        assertThat(nan.annotations.warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got NaN (1:3)");
    }

    @Test
    void quantileOverTimeLeavesTheWindowAlone() {
        Window window = LoadedSeries.of(4, 0, 1);

        assertThat(quantile(window, 0.5)).isEqualTo(1);
        assertThat(window.values).containsExactly(4, 0, 1);
    }

    private static double avg(String spec) {
        return OverTimeFunctions.avg(load(10 * SECOND, spec).window(55 * SECOND, MINUTE));
    }

    private static double sum(String spec) {
        return OverTimeFunctions.sum(load(10 * SECOND, spec).window(55 * SECOND, MINUTE));
    }

    private static double avg5s(String spec) {
        return OverTimeFunctions.avg(load(5 * SECOND, spec).window(55 * SECOND, MINUTE));
    }

    private static double[] minMax(String spec) {
        Window window = load(10 * SECOND, spec).window(MINUTE, 2 * MINUTE);
        return new double[] {OverTimeFunctions.min(window), OverTimeFunctions.max(window)};
    }

    private static double quantile(Window window, double q) {
        window.args = new double[] {q};
        return FunctionKernels.range().get("quantile_over_time").apply(window);
    }

    private static void assertRelativelyClose(double actual, double expected) {
        assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s vs %s", actual, expected).isLessThan(1e-12);
    }
}
