package dev.vigil.metrics.promql.engine;

import java.util.Arrays;

/** The floating-point helpers the aggregations need: compensated summation and quantiles, as Prometheus computes them. */
final class FloatMath {

    private FloatMath() {}

    /**
     * One step of Kahan–Neumaier summation: adds {@code inc} to {@code sum}, whose running compensation is
     * {@code c[index]}, and returns the new sum (the new compensation is stored back).
     */
    static double kahanAdd(double inc, double sum, double[] c, int index) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            c[index] = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            c[index] += (sum - t) + inc;
        } else {
            c[index] += (inc - t) + sum;
        }
        return t;
    }

    /**
     * The {@code q}-quantile of the first {@code n} values, interpolating between the closest ranks; NaN values
     * rank lowest. Reorders the values.
     */
    static double quantile(double q, double[] values, int n) {
        if (n == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        int nans = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                double t = values[nans];
                values[nans++] = values[i];
                values[i] = t;
            }
        }
        Arrays.sort(values, nans, n);
        double rank = q * (n - 1);
        double lower = Math.max(0, Math.floor(rank));
        double upper = Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
    }
}
