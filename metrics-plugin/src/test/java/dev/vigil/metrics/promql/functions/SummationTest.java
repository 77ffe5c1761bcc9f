package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummationTest {

    private static final double BIG = 9.988465674311579e+307;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void compensatedSumKeepsSmallValuesNextToHugeOnes() {
        assertThat(sum(2, 8, 1e100, -1e100)).isEqualTo(10);
        assertThat(sum(1, 1e100, 1, -1e100)).isEqualTo(2);
        assertThat(KahanSum.sum(new double[] {1, 1e100, 1, -1e100}, 0, 4)).isEqualTo(2);
        // A plain sum loses them.
        assertThat(2 + 8 + 1e100 + -1e100).isZero();
    }

    @Test
    void compensatedSumWithInfinitiesAndNaN() {
        assertThat(sum(INF, 2)).isEqualTo(INF);
        assertThat(sum(2, -INF)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(sum(INF, -INF)).isNaN();
        assertThat(sum(Double.NaN, 2)).isNaN();
        assertThat(sum(BIG, BIG)).isEqualTo(INF);
        assertThat(KahanSum.sum(new double[0], 0, 0)).isZero();
    }

    @Test
    void compensatedSumCanBeReused() {
        KahanSum sum = new KahanSum();
        sum.add(1e100);
        sum.add(1);
        sum.set(5);
        sum.add(1);
        assertThat(sum.value()).isEqualTo(6);
        sum.reset();
        assertThat(sum.value()).isZero();
    }

    @Test
    void meanAsTheAvgAggregationComputesIt() {
        assertThat(mean(8, 10, 12)).isEqualTo(10);
        assertThat(mean(2, 8, 1e100, -1e100)).isEqualTo(2.5);
        assertThat(mean(0, INF, INF, 0)).isEqualTo(INF);
        assertThat(mean(INF, 0, INF)).isEqualTo(INF);
        assertThat(mean(INF, INF, -INF)).isNaN();
        assertThat(mean(-INF, -INF, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(mean(-INF, 0, INF)).isNaN();
        assertThat(mean(Double.NaN, 2)).isNaN();
        assertThat(mean(BIG, BIG, BIG, BIG)).isEqualTo(BIG);
        assertThat(mean(-BIG, -BIG, -BIG, -BIG)).isEqualTo(-BIG);
        assertThat(mean(-BIG, -BIG, BIG, BIG)).isZero();
    }

    @Test
    void meanOfEqualValuesIsExact() {
        for (int n = 1; n <= 13; n++) {
            double[] values = new double[n];
            java.util.Arrays.fill(values, 52);
            assertThat(KahanMean.mean(values, 0, n)).isEqualTo(52);
        }
    }

    @Test
    void meanAfterOverflowStaysIncremental() {
        KahanMean mean = new KahanMean();
        mean.add(BIG);
        mean.add(BIG);
        mean.add(-BIG);
        mean.add(1e300);
        assertThat(mean.count()).isEqualTo(4);
        assertThat(mean.value()).isCloseTo((BIG + 1e300) / 4, org.assertj.core.api.Assertions.withinPercentage(1e-10));
        mean.reset();
        assertThat(mean.value()).isNaN();
        mean.add(3);
        assertThat(mean.value()).isEqualTo(3);
    }

    @Test
    void varianceAsTheStddevAggregationComputesIt() {
        assertThat(variance(100, 200, 300, 400, 500, 600, 700, 800).stddev())
                .isCloseTo(229.12878474779, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(variance(100, 200, 300, 400, 500, 600, 700, 800).variance()).isEqualTo(52500);
        assertThat(variance(100, 300, 500, 700).variance()).isEqualTo(50000);
        assertThat(variance(1, 2).stddev()).isEqualTo(0.5);
        assertThat(variance(1, 2).variance()).isEqualTo(0.25);
        assertThat(variance(1).variance()).isZero();
    }

    @Test
    void varianceOfEqualValuesIsZero() {
        double value = 0;
        for (int i = 0; i < 10; i++) {
            value += 1.33;
        }
        assertThat(variance(value, value, value).variance()).isZero();
    }

    @Test
    void varianceWithNaNOrInfinities() {
        assertThat(variance(1, 2, Double.NaN).variance()).isNaN();
        assertThat(variance(Double.NaN, 1, 2).variance()).isNaN();
        assertThat(variance(Double.NaN).variance()).isNaN();
        assertThat(variance(1, 2, INF).variance()).isNaN();
        assertThat(variance(INF, 1, 2).variance()).isNaN();
        assertThat(variance(INF).stddev()).isNaN();
        assertThat(new Variance().variance()).isNaN();
    }

    @Test
    void varianceOverTime() {
        assertThat(Variance.overTime(new double[] {0, 8, 8, 2, 3}, 0, 5)).isCloseTo(10.56, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Variance.overTime(new double[] {9, 1.5990505637277868, 1.5990505637277868, 1.5990505637277868}, 1, 4))
                .isZero();
        Variance reused = variance(1, 2);
        reused.reset();
        reused.add(4);
        assertThat(reused.count()).isEqualTo(1);
        assertThat(reused.variance()).isZero();
    }

    private static double sum(double... values) {
        KahanSum sum = new KahanSum();
        for (double v : values) {
            sum.add(v);
        }
        return sum.value();
    }

    private static double mean(double... values) {
        KahanMean mean = new KahanMean();
        for (double v : values) {
            mean.add(v);
        }
        return mean.value();
    }

    private static Variance variance(double... values) {
        Variance variance = new Variance();
        for (double v : values) {
            variance.add(v);
        }
        return variance;
    }
}
