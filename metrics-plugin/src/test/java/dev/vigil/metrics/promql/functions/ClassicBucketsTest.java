package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassicBucketsTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TOLERANCE = 1e-12;

    /** testhistogram3 at 50m: a bucket at 0, no observation above 1. */
    private static final double[][] POSITIVE3 = {{0, 0}, {0.1, 50}, {0.2, 70}, {1, 110}, {INF, 110}};
    private static final double[][] NEGATIVE3 = {{-0.25, 0}, {-0.2, 10}, {-0.1, 20}, {0.3, 20}, {INF, 20}};
    /** testhistogram at 50m. */
    private static final double[][] POSITIVE = {{0.1, 50}, {0.2, 70}, {1, 110}, {INF, 120}};
    private static final double[][] NEGATIVE = {{-0.2, 10}, {-0.1, 20}, {0.3, 20}, {INF, 30}};

    @Test
    void quantilesInterpolateInsideBuckets() {
        assertQuantiles(POSITIVE3, new double[] {0, 0.25, 0.5, 0.75, 1}, 0, 0.055, 0.125, 0.45, 1);
        assertQuantiles(NEGATIVE3, new double[] {0, 0.25, 0.5, 0.75, 1}, -0.25, -0.225, -0.2, -0.15, -0.1);
        assertQuantiles(POSITIVE, new double[] {0, 0.2, 0.5, 0.8, 1}, 0, 0.048, 0.15, 0.72, 1);
        assertQuantiles(NEGATIVE, new double[] {0, 0.2, 0.5, 0.8, 1}, -0.2, -0.2, -0.15, 0.3, 0.3);
    }

    @Test
    void quantilesInTheMiddleOfBuckets() {
        double[][] buckets = {{0, 0}, {2, 1}, {4, 2}, {6, 3}, {INF, 3}};
        assertQuantiles(buckets, new double[] {1. / 6., 0.5, 5. / 6.}, 1, 3, 5);
    }

    @Test
    void quantilesOfAggregatedRates() {
        double[][] perFiveMinutes = {{0.1, 10 / 300.0}, {0.2, 19 / 300.0}, {INF, 25 / 300.0}};
        assertQuantiles(perFiveMinutes, new double[] {0.3, 0.5}, 0.075, 0.1277777777777778);
    }

    @Test
    void quantilesOutsideTheUnitInterval() {
        ClassicBuckets buckets = buckets(POSITIVE);
        assertThat(buckets.quantile(-0.1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(buckets.quantile(1.01)).isEqualTo(INF);
        assertThat(buckets.quantile(Double.NaN)).isNaN();
    }

    @Test
    void bucketsInAnyOrderAndDuplicateBoundsMerge() {
        ClassicBuckets buckets = new ClassicBuckets();
        buckets.add(INF, 4);
        buckets.add(0.2, 1);
        buckets.add(0.1, 1);
        buckets.add(0.2, 1);
        buckets.add(0.2, 1);

        assertThat(buckets.quantile(0.5)).isCloseTo(0.15, within(TOLERANCE));
        assertThat(buckets.quantile(0.75)).isCloseTo(0.2, within(TOLERANCE));
        assertThat(buckets.quantile(1)).isCloseTo(0.2, within(TOLERANCE));
        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.forcedMonotonic()).isFalse();
    }

    @Test
    void noQuantileWithoutObservationsOrAnInfBucketOrTwoBounds() {
        assertThat(buckets(new double[][] {{INF, 0}, {INF, 0}}).quantile(0.5)).isNaN();
        assertThat(buckets(new double[][] {{0.1, 0}, {0.2, 0}, {INF, 0}}).quantile(0.2)).isNaN();
        assertThat(buckets(new double[][] {{0.1, 1}, {0.2, 2}}).quantile(0.5)).isNaN();
        assertThat(buckets(new double[][] {{INF, 5}}).quantile(0.5)).isNaN();
        assertThat(new ClassicBuckets().quantile(0.5)).isNaN();
    }

    @Test
    void decreasingCountsAreRaisedAndReported() {
        ClassicBuckets buckets = buckets(new double[][] {
            {0.1, 20}, {1, 10}, {10, 50}, {100, 40}, {1000, 90}, {INF, 80}});

        assertThat(buckets.quantile(0.01)).isCloseTo(0.0045, within(TOLERANCE));
        assertThat(buckets.forcedMonotonic()).isTrue();
        assertThat(buckets.quantile(0.5)).isCloseTo(8.5, within(TOLERANCE));
        assertThat(buckets.quantile(0.99)).isCloseTo(979.75, within(TOLERANCE));
        assertThat(buckets.forcedMonotonic()).isTrue();
        assertThat(buckets.forcedLowestBound()).isEqualTo(1);
        assertThat(buckets.forcedHighestBound()).isEqualTo(INF);
        assertThat(buckets.forcedLargestDrop()).isEqualTo(10);
    }

    @Test
    void roundingNoiseIsEvenedOutWithoutAReport() {
        ClassicBuckets buckets = buckets(new double[][] {{1, 10}, {2, 10 - 1e-14}, {4, 20}, {INF, 20}});

        assertThat(buckets.quantile(0.5)).isCloseTo(1, within(TOLERANCE));
        assertThat(buckets.forcedMonotonic()).isFalse();
        assertThat(buckets.ignoredNoise()).isTrue();
    }

    @Test
    void clearMakesTheSetReusable() {
        ClassicBuckets buckets = buckets(new double[][] {{1, 5}, {2, 1}, {INF, 6}});
        buckets.quantile(0.5);
        assertThat(buckets.forcedMonotonic()).isTrue();

        buckets.clear();
        for (double[] bucket : POSITIVE) {
            buckets.add(bucket[0], bucket[1]);
        }

        assertThat(buckets.quantile(0.5)).isCloseTo(0.15, within(TOLERANCE));
        assertThat(buckets.forcedMonotonic()).isFalse();
    }

    @Test
    void fractionsBetweenBounds() {
        double[][] buckets2 = {{0, 0}, {2, 10}, {4, 20}, {6, 30}, {INF, 30}};
        assertThat(fraction(buckets2, 0, 4)).isCloseTo(0.6666666666666666, within(TOLERANCE));
        assertThat(fraction(buckets2, 0, 6)).isEqualTo(1);
        assertThat(fraction(buckets2, 0, 3.5)).isCloseTo(0.5833333333333334, within(TOLERANCE));
        assertThat(fraction(POSITIVE3, 0, 0.2)).isCloseTo(0.6363636363636364, within(TOLERANCE));
        assertThat(fraction(NEGATIVE3, 0, 0.2)).isZero();
    }

    @Test
    void fractionsAtTheEdges() {
        double[][] positive = {{1, 1}, {2, 3}, {3, 6}, {INF, 100}};
        double[][] negative = {{-3, 10}, {-2, 12}, {-1, 15}, {INF, 100}};
        assertThat(fraction(positive, 0, 1.5)).isCloseTo(0.02, within(TOLERANCE));
        assertThat(fraction(negative, -4, -2)).isCloseTo(0.02, within(TOLERANCE));
        assertThat(fraction(negative, Double.NEGATIVE_INFINITY, -1.5)).isCloseTo(0.135, within(TOLERANCE));
        assertThat(fraction(positive, Double.NEGATIVE_INFINITY, INF)).isEqualTo(1);
        assertThat(fraction(negative, Double.NEGATIVE_INFINITY, INF)).isEqualTo(1);
        assertThat(fraction(positive, 4, 5)).isZero();
        assertThat(fraction(negative, 0, 1)).isZero();
        assertThat(fraction(positive, 2, 5)).isCloseTo(0.03, within(TOLERANCE));
        assertThat(fraction(positive, 400, INF)).isCloseTo(0.94, within(TOLERANCE));
        assertThat(fraction(positive, 2, 2)).isZero();
        assertThat(fraction(positive, 3, 2)).isZero();
        assertThat(fraction(new double[][] {{INF, 100}}, 0, 1)).isZero();
        assertThat(fraction(positive, 2, 3.5)).isCloseTo(0.03, within(TOLERANCE));
        assertThat(fraction(positive, 0.5, 2)).isCloseTo(0.025, within(TOLERANCE));
        assertThat(fraction(positive, 1, 3)).isCloseTo(0.05, within(TOLERANCE));
        assertThat(fraction(new double[][] {{0.5, 2.5}, {1, 7.5}, {INF, 100}}, 0.1, 0.75)).isCloseTo(0.045, within(TOLERANCE));
        assertThat(fraction(new double[][] {{-2, 5}, {-1, 10}, {0, 15}, {1, 20}, {INF, 100}}, -1, 1))
                .isCloseTo(0.1, within(TOLERANCE));
        assertThat(fraction(new double[][] {{1, 1}, {2, 3}, {INF, 10}}, -10, -5)).isZero();
        assertThat(fraction(new double[][] {{1, 1}, {2, 3}, {INF, 10}}, 5, 10)).isZero();
    }

    @Test
    void fractionsThatAreNaN() {
        assertThat(fraction(new double[][] {{1, 0}, {2, 0}, {3, 0}, {INF, 0}}, 0, 5)).isNaN();
        assertThat(fraction(new double[][] {{1, 1}, {INF, 100}}, Double.NaN, 1)).isNaN();
        assertThat(fraction(new double[][] {{1, 1}, {INF, 100}}, 0, Double.NaN)).isNaN();
        assertThat(fraction(new double[][] {{1, 1}, {2, 100}}, 0, 1)).isNaN();
        assertThat(new ClassicBuckets().fraction(0, 1)).isNaN();
    }

    private static ClassicBuckets buckets(double[][] pairs) {
        ClassicBuckets buckets = new ClassicBuckets();
        for (double[] pair : pairs) {
            buckets.add(pair[0], pair[1]);
        }
        return buckets;
    }

    private static double fraction(double[][] pairs, double lower, double upper) {
        return buckets(pairs).fraction(lower, upper);
    }

    private static void assertQuantiles(double[][] pairs, double[] qs, double... expected) {
        ClassicBuckets buckets = buckets(pairs);
        for (int i = 0; i < qs.length; i++) {
            assertThat(buckets.quantile(qs[i])).as("q=%s", qs[i]).isCloseTo(expected[i], within(TOLERANCE));
            // Each φ on a fresh set gives the same answer as on a reused one.
            assertThat(buckets(pairs).quantile(qs[i])).isCloseTo(expected[i], within(TOLERANCE));
        }
        assertThat(buckets.forcedMonotonic()).isFalse();
    }
}
