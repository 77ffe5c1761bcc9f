package dev.vigil.metrics.promql.functions;

/**
 * A function of the samples of one series over a range, such as {@code rate} or {@code max_over_time}. The
 * evaluator calls it once per series and step, with at least {@link #minSamples()} samples in the window;
 * when there are fewer, the series has no value at that step. Implementations are stateless.
 */
public interface RangeFunction {

    /** The value at this step. May throw {@link dev.vigil.metrics.promql.PromqlException} for invalid arguments. */
    double apply(Window window);

    /** The fewest samples the function needs to give a value: 1 unless it compares samples. */
    default int minSamples() {
        return 1;
    }

    /** Whether the result keeps the metric name: only {@code last_over_time} and {@code first_over_time} do. */
    default boolean keepsMetricName() {
        return false;
    }
}
