package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesBetweenNeighbours() {
        assertThat(quantile(0.8, 0, 1)).isCloseTo(0.8, within(1e-12));
        assertThat(quantile(0.8, 0, 1, 2)).isCloseTo(1.6, within(1e-12));
        assertThat(quantile(0.8, 4, 1, 0)).isCloseTo(2.8, within(1e-12));
        assertThat(quantile(0.2, 0, 1)).isCloseTo(0.2, within(1e-12));
        assertThat(quantile(0.2, 2, 1, 0)).isCloseTo(0.4, within(1e-12));
        assertThat(quantile(0.2, 0, 1, 4)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void nanRanksBelowEverything() {
        assertThat(quantile(0.8, 0, 1, Double.NaN)).isCloseTo(0.6, within(1e-12));
        assertThat(quantile(0.2, 0, 1, Double.NaN)).isNaN();
        assertThat(quantile(0, Double.NaN, 1, 0)).isNaN();
        assertThat(quantile(1, 1, Double.NaN, 0)).isEqualTo(1);
    }

    @Test
    void phiOutsideTheUnitInterval() {
        assertThat(quantile(-1, 1, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(quantile(2, 1, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(quantile(Double.NaN, 1, 2)).isNaN();
        assertThat(quantile(0.5)).isNaN();
        assertThat(Quantiles.isValid(0)).isTrue();
        assertThat(Quantiles.isValid(1)).isTrue();
        assertThat(Quantiles.isValid(-0.1)).isFalse();
        assertThat(Quantiles.isValid(1.01)).isFalse();
        assertThat(Quantiles.isValid(Double.NaN)).isFalse();
    }

    @Test
    void sortsOnlyTheGivenRange() {
        double[] values = {9, Double.NaN, 3, Double.NaN, 1, -7};

        Quantiles.sortNaNFirst(values, 1, 5);

        assertThat(values).containsExactly(9, Double.NaN, Double.NaN, 1, 3, -7);
    }

    @Test
    void sortingAllNaNOrNoNaN() {
        double[] nans = {Double.NaN, Double.NaN};
        Quantiles.sortNaNFirst(nans, 0, 2);
        assertThat(nans).containsExactly(Double.NaN, Double.NaN);
        double[] plain = {3, -1, 2};
        Quantiles.sortNaNFirst(plain, 0, 3);
        assertThat(plain).containsExactly(-1, 2, 3);
    }

    @Test
    void medianAbsoluteDeviation() {
        assertThat(Quantiles.medianAbsoluteDeviation(new double[] {6, 2, 1, 999, 1, 2}, 0, 6)).isEqualTo(1);
        assertThat(Quantiles.medianAbsoluteDeviation(new double[] {1, Double.NaN}, 0, 2)).isNaN();
        assertThat(Quantiles.medianAbsoluteDeviation(new double[0], 0, 0)).isNaN();
    }

    private static double quantile(double q, double... values) {
        return Quantiles.quantile(q, values.clone(), 0, values.length);
    }
}
