package dev.vigil.metrics.promql.functions;

import java.util.Arrays;

/**
 * The φ-quantile of a set of values, shared by the {@code quantile} aggregation, {@code quantile_over_time} and
 * {@code mad_over_time}. Prometheus's rules: φ &lt; 0 gives -Inf, φ &gt; 1 gives +Inf, a NaN φ or no values give
 * NaN; otherwise the values are sorted with NaN below everything and the result interpolates linearly between
 * the two values around rank φ·(n−1). Stateless and thread-safe; the methods reorder the array range they get.
 */
public final class Quantiles {

    private Quantiles() {}

    /** Whether φ is a quantile Prometheus accepts without a warning: in [0, 1] and not NaN. */
    public static boolean isValid(double q) {
        return q >= 0 && q <= 1;
    }

    /** The φ-quantile of {@code values[from..to)}, sorting that range in place. */
    public static double quantile(double q, double[] values, int from, int to) {
        int n = to - from;
        if (n == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortNaNFirst(values, from, to);
        return sortedQuantile(q, values, from, n);
    }

    /**
     * The median absolute deviation of {@code values[from..to)}: the median of the distances to the median, or
     * NaN when any value is NaN or there are none. Reorders and overwrites that range.
     */
    public static double medianAbsoluteDeviation(double[] values, int from, int to) {
        if (to == from) {
            return Double.NaN;
        }
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
        }
        double median = quantile(0.5, values, from, to);
        for (int i = from; i < to; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return quantile(0.5, values, from, to);
    }

    /** Sorts {@code values[from..to)} ascending with every NaN first, the order Prometheus ranks them in. */
    public static void sortNaNFirst(double[] values, int from, int to) {
        Arrays.sort(values, from, to);
        // Arrays.sort puts NaN last; rotate that tail to the front.
        int firstNaN = to;
        while (firstNaN > from && Double.isNaN(values[firstNaN - 1])) {
            firstNaN--;
        }
        int nans = to - firstNaN;
        if (nans == 0 || nans == to - from) {
            return;
        }
        System.arraycopy(values, from, values, from + nans, firstNaN - from);
        Arrays.fill(values, from, from + nans, Double.NaN);
    }

    private static double sortedQuantile(double q, double[] values, int from, int n) {
        double rank = q * (n - 1);
        double lowerIndex = Math.max(0, Math.floor(rank));
        double upperIndex = Math.min(n - 1, lowerIndex + 1);
        double weight = rank - Math.floor(rank);
        return values[from + (int) lowerIndex] * (1 - weight) + values[from + (int) upperIndex] * weight;
    }
}
