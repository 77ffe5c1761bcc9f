package dev.vigil.metrics.promql.functions;

/**
 * A function applied to each sample of an instant vector on its own, such as {@code abs} or {@code clamp}.
 * The result never keeps the metric name. Implementations are stateless.
 */
@FunctionalInterface
public interface ElementFunction {

    /**
     * The new value of a sample.
     *
     * @param value the sample's value (for the date functions: a Unix time in seconds)
     * @param args the values of the call's scalar arguments at this step, in order
     */
    double apply(double value, double[] args);
}
