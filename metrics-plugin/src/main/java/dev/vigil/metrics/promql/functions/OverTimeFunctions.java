package dev.vigil.metrics.promql.functions;

/**
 * The {@code *_over_time} aggregates of the values in a window: sum, mean, count, minimum, maximum, variance,
 * standard deviation, quantile and median absolute deviation. Each takes a {@link Window} of at least one
 * sample. Sums and means are compensated ({@link KahanSum}, {@link KahanMean}); a NaN among the values is only
 * the minimum or maximum when every value is NaN. Stateless and thread-safe.
 */
public final class OverTimeFunctions {

    private OverTimeFunctions() {}

    /** {@code sum_over_time}: the compensated sum. */
    public static double sum(Window window) {
        return KahanSum.sum(window.values, window.from, window.to);
    }

    /** {@code avg_over_time}: the mean, compensated and safe from overflow. */
    public static double avg(Window window) {
        return KahanMean.mean(window.values, window.from, window.to);
    }

    /** {@code count_over_time}: how many samples there are. */
    public static double count(Window window) {
        return window.size();
    }

    /** {@code min_over_time}: the smallest value, ignoring NaN unless every value is NaN. */
    public static double min(Window window) {
        double[] values = window.values;
        double min = values[window.from];
        for (int i = window.from + 1; i < window.to; i++) {
            if (values[i] < min || Double.isNaN(min)) {
                min = values[i];
            }
        }
        return min;
    }

    /** {@code max_over_time}: the largest value, ignoring NaN unless every value is NaN. */
    public static double max(Window window) {
        double[] values = window.values;
        double max = values[window.from];
        for (int i = window.from + 1; i < window.to; i++) {
            if (values[i] > max || Double.isNaN(max)) {
                max = values[i];
            }
        }
        return max;
    }

    /** {@code stdvar_over_time}: the population variance. */
    public static double stdvar(Window window) {
        return Variance.overTime(window.values, window.from, window.to);
    }

    /** {@code stddev_over_time}: the population standard deviation. */
    public static double stddev(Window window) {
        return Math.sqrt(stdvar(window));
    }

    /**
     * {@code quantile_over_time(φ, m)} with {@code args = [φ]}: the φ-quantile of the values (see
     * {@link Quantiles}). A φ outside [0, 1] or NaN adds the warning {@link Messages#invalidQuantile}.
     */
    public static double quantile(Window window) {
        double q = window.args[0];
        if (!Quantiles.isValid(q)) {
            window.annotations.warn(Messages.invalidQuantile(q), window.position);
        }
        return Quantiles.quantile(q, window.copyOfValues(), 0, window.size());
    }

    /** {@code mad_over_time}: the median absolute deviation of the values; NaN if any value is NaN. */
    public static double mad(Window window) {
        return Quantiles.medianAbsoluteDeviation(window.copyOfValues(), 0, window.size());
    }
}
