package dev.vigil.metrics.promql.conformance;

/**
 * How expected and actual floats are compared: equal within a relative error of {@value #EPSILON}, every NaN
 * equal to every NaN, and values near zero compared on an absolute scale. Stateless.
 */
final class FloatComparison {

    /** The relative error allowed, the same as Prometheus's own tests allow. */
    static final double EPSILON = 1e-6;

    private FloatComparison() {}

    /** Whether {@code expected} and {@code actual} count as equal. */
    static boolean almostEqual(double expected, double actual) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return true;
        }
        if (expected == actual) {
            return true;
        }
        double diff = Math.abs(expected - actual);
        double magnitude = Math.abs(expected) + Math.abs(actual);
        // relative error means nothing next to zero: there, compare with the smallest normal double instead
        if (expected == 0 || actual == 0 || magnitude < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(magnitude, Double.MAX_VALUE) < EPSILON;
    }

    /** A float as the scripts write it: {@code 1}, {@code 0.5}, {@code +Inf}, {@code NaN}. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
