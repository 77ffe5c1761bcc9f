package dev.vigil.metrics.promql.functions;

import static java.util.Objects.requireNonNull;

import java.util.function.ToDoubleFunction;

/** A {@link RangeFunction} made of a static method, with its sample minimum and whether it keeps the name. */
final class RangeKernel implements RangeFunction {

    private final ToDoubleFunction<Window> body;
    private final int minSamples;
    private final boolean keepsMetricName;

    private RangeKernel(ToDoubleFunction<Window> body, int minSamples, boolean keepsMetricName) {
        this.body = requireNonNull(body, "body is null");
        this.minSamples = minSamples;
        this.keepsMetricName = keepsMetricName;
    }

    /** A function that needs one sample and drops the metric name. */
    static RangeFunction of(ToDoubleFunction<Window> body) {
        return new RangeKernel(body, 1, false);
    }

    /** A function that needs {@code minSamples} samples and drops the metric name. */
    static RangeFunction needing(int minSamples, ToDoubleFunction<Window> body) {
        return new RangeKernel(body, minSamples, false);
    }

    /** A function that needs one sample and keeps the metric name. */
    static RangeFunction keepingName(ToDoubleFunction<Window> body) {
        return new RangeKernel(body, 1, true);
    }

    @Override
    public double apply(Window window) {
        return body.applyAsDouble(window);
    }

    @Override
    public int minSamples() {
        return minSamples;
    }

    @Override
    public boolean keepsMetricName() {
        return keepsMetricName;
    }
}
