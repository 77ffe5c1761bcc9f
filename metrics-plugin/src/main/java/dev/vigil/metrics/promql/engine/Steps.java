package dev.vigil.metrics.promql.engine;

import java.util.Arrays;

/**
 * The marker for "no sample at this step" in the per-step value arrays the evaluator passes between
 * operators. It is a signalling NaN with a payload that neither arithmetic (which only yields quiet NaNs) nor
 * the staleness marker can produce, so one {@code double[]} carries both the values and their presence.
 */
final class Steps {

    /** The bits of the marker. */
    static final long ABSENT_BITS = 0x7ff4_5e5e_a55e_0001L;

    /** The marker as a {@code double}; compare with {@link #isAbsent(double)}, never with {@code ==}. */
    static final double ABSENT = Double.longBitsToDouble(ABSENT_BITS);

    private Steps() {}

    /** Whether {@code value} marks a step without a sample. */
    static boolean isAbsent(double value) {
        return Double.doubleToRawLongBits(value) == ABSENT_BITS;
    }

    /** Whether {@code value} is a sample. */
    static boolean isPresent(double value) {
        return Double.doubleToRawLongBits(value) != ABSENT_BITS;
    }

    /** A new array of {@code count} absent steps. */
    static double[] absent(int count) {
        double[] values = new double[count];
        Arrays.fill(values, ABSENT);
        return values;
    }

    /** How many steps of {@code values} have a sample. */
    static int countPresent(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.doubleToRawLongBits(v) != ABSENT_BITS) {
                n++;
            }
        }
        return n;
    }

    /** Whether no step of {@code values} has a sample. */
    static boolean allAbsent(double[] values) {
        for (double v : values) {
            if (Double.doubleToRawLongBits(v) != ABSENT_BITS) {
                return false;
            }
        }
        return true;
    }
}
