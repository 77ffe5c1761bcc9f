package dev.vigil.metrics.promql.functions;

/**
 * {@code rate}, {@code increase} and {@code delta}, which extrapolate the change across the window to its
 * boundaries, and {@code irate} and {@code idelta}, which look at the last two samples only. Each takes a
 * {@link Window} of at least two samples. Stateless and thread-safe.
 *
 * <p>Extrapolation follows Prometheus: the change between the first and last sample (for counters, adding back
 * the value before every decrease, which is taken as a reset to zero) is stretched to the window's start and
 * end, but at each side only when the gap to the boundary is at most 1.1 times the average sample interval;
 * otherwise by half an interval. A counter is never extrapolated below zero: if the line through the samples
 * reaches zero before the start, the extrapolation stops there.
 */
public final class RateFunctions {

    private static final double EXTRAPOLATION_SLACK = 1.1;

    private RateFunctions() {}

    /**
     * {@code rate}: the per-second increase of a counter over the window. Adds the info
     * {@link Messages#possibleNonCounter} when the series has a name that does not end in {@code _total},
     * {@code _sum}, {@code _count} or {@code _bucket} (Prometheus checks this for subqueries too; their series
     * usually have no name).
     */
    public static double rate(Window window) {
        noteIfNotCounter(window);
        return extrapolatedChange(window, true, true);
    }

    /** {@code increase}: the increase of a counter over the window; annotated as {@link #rate}. */
    public static double increase(Window window) {
        noteIfNotCounter(window);
        return extrapolatedChange(window, true, false);
    }

    /** {@code delta}: the change of a gauge over the window, with no counter-reset handling. */
    public static double delta(Window window) {
        return extrapolatedChange(window, false, false);
    }

    /** {@code irate}: the per-second increase between the last two samples; after a reset, the last value. */
    public static double irate(Window window) {
        return lastTwo(window, true);
    }

    /** {@code idelta}: the difference between the last two samples. */
    public static double idelta(Window window) {
        return lastTwo(window, false);
    }

    /** Whether Prometheus thinks a metric with this name may well be a counter. */
    static boolean looksLikeCounter(String metricName) {
        return metricName.endsWith("_total") || metricName.endsWith("_sum") || metricName.endsWith("_count")
                || metricName.endsWith("_bucket");
    }

    private static void noteIfNotCounter(Window window) {
        String name = window.metricName;
        if (!name.isEmpty() && !looksLikeCounter(name)) {
            window.annotations.info(Messages.possibleNonCounter(name), window.position);
        }
    }

    private static double extrapolatedChange(Window window, boolean isCounter, boolean isRate) {
        long[] times = window.timestamps;
        double[] values = window.values;
        int first = window.from;
        int last = window.to - 1;
        double change = values[last] - values[first];
        if (isCounter) {
            for (int i = first + 1; i <= last; i++) {
                if (values[i] < values[i - 1]) {
                    change += values[i - 1];
                }
            }
        }
        double toStart = (double) (times[first] - window.start) / 1000;
        double toEnd = (double) (window.end - times[last]) / 1000;
        double sampled = (double) (times[last] - times[first]) / 1000;
        double averageInterval = sampled / (last - first);
        double threshold = averageInterval * EXTRAPOLATION_SLACK;
        if (toStart >= threshold) {
            toStart = averageInterval / 2;
        }
        if (isCounter) {
            double toZero = toStart;
            if (change > 0 && values[first] >= 0) {
                toZero = sampled * (values[first] / change);
            }
            if (toZero < toStart) {
                toStart = toZero;
            }
        }
        if (toEnd >= threshold) {
            toEnd = averageInterval / 2;
        }
        double factor = sampled != 0 ? (sampled + toStart + toEnd) / sampled : 1;
        if (isRate) {
            factor /= rangeSeconds(window.end - window.start);
        }
        return change * factor;
    }

    /** The range in seconds, summed from whole seconds and the rest as Go's {@code Duration.Seconds} does. */
    static double rangeSeconds(long rangeMillis) {
        return (double) (rangeMillis / 1000) + (double) (rangeMillis % 1000 * 1_000_000) / 1e9;
    }

    private static double lastTwo(Window window, boolean isRate) {
        int last = window.to - 1;
        double previous = window.values[last - 1];
        double current = window.values[last];
        long interval = window.timestamps[last] - window.timestamps[last - 1];
        double result = current;
        // A decrease of a counter is a reset: the increase since the reset is the last value itself. NaN
        // compares false, so a NaN on either side makes the difference NaN.
        if (!isRate || !(current < previous)) {
            result = current - previous;
        }
        if (isRate) {
            result /= (double) interval / 1000;
        }
        return result;
    }
}
