package dev.vigil.metrics.promql.functions;

/**
 * Range functions about particular samples of a window rather than an aggregate of its values: the first and
 * last sample and their times, the times of the extremes, presence, and how often the value changed or dropped.
 * Each takes a {@link Window} of at least one sample. Times are returned in seconds. Stateless and thread-safe.
 */
public final class SampleFunctions {

    private SampleFunctions() {}

    /** {@code last_over_time}: the value of the last sample (the result keeps the metric name). */
    public static double last(Window window) {
        return window.values[window.to - 1];
    }

    /** {@code first_over_time}: the value of the first sample (the result keeps the metric name). */
    public static double first(Window window) {
        return window.values[window.from];
    }

    /** {@code present_over_time}: 1, as there is a sample. */
    public static double present(Window window) {
        return 1;
    }

    /** {@code ts_of_first_over_time}: the time of the first sample. */
    public static double timeOfFirst(Window window) {
        return seconds(window.timestamps[window.from]);
    }

    /** {@code ts_of_last_over_time}: the time of the last sample. */
    public static double timeOfLast(Window window) {
        return seconds(window.timestamps[window.to - 1]);
    }

    /** {@code ts_of_max_over_time}: the time of the last sample holding the largest value (NaN as in max). */
    public static double timeOfMax(Window window) {
        double[] values = window.values;
        double max = values[window.from];
        int at = window.from;
        for (int i = window.from; i < window.to; i++) {
            if (values[i] >= max || Double.isNaN(max)) {
                max = values[i];
                at = i;
            }
        }
        return seconds(window.timestamps[at]);
    }

    /** {@code ts_of_min_over_time}: the time of the last sample holding the smallest value (NaN as in min). */
    public static double timeOfMin(Window window) {
        double[] values = window.values;
        double min = values[window.from];
        int at = window.from;
        for (int i = window.from; i < window.to; i++) {
            if (values[i] <= min || Double.isNaN(min)) {
                min = values[i];
                at = i;
            }
        }
        return seconds(window.timestamps[at]);
    }

    /** {@code changes}: how many times the value differs from the one before (NaN after NaN is no change). */
    public static double changes(Window window) {
        double[] values = window.values;
        int changes = 0;
        for (int i = window.from + 1; i < window.to; i++) {
            double previous = values[i - 1];
            double current = values[i];
            if (current != previous && !(Double.isNaN(current) && Double.isNaN(previous))) {
                changes++;
            }
        }
        return changes;
    }

    /** {@code resets}: how many times the value drops below the one before, as a counter does when it resets. */
    public static double resets(Window window) {
        double[] values = window.values;
        int resets = 0;
        for (int i = window.from + 1; i < window.to; i++) {
            if (values[i] < values[i - 1]) {
                resets++;
            }
        }
        return resets;
    }

    private static double seconds(long millis) {
        return (double) millis / 1000;
    }
}
