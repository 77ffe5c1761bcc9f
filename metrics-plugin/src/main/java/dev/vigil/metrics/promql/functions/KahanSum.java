package dev.vigil.metrics.promql.functions;

/**
 * A compensated (Kahan–Babuška–Neumaier) running sum, as Prometheus sums floats in {@code sum},
 * {@code sum_over_time} and the mean and regression functions: each addition keeps the low-order bits that a
 * plain addition loses in a separate compensation term, so that {@code 1 + 1e100 + 1 - 1e100} is {@code 2}.
 * Once the sum overflows to an infinity the compensation is dropped, so infinities come out as infinities.
 *
 * <p>Use an instance per group (reset it to reuse it), or the static {@link #nextCompensation} in loops that
 * keep the sum and its compensation in local variables. Instances are not thread-safe.
 */
public final class KahanSum {

    private double sum;
    private double compensation;

    /** An empty sum. */
    public KahanSum() {}

    /**
     * The compensation after adding {@code increment} to {@code sum}, given {@code newSum = sum + increment} and
     * the compensation {@code c} so far. Typical use: {@code t = s + v; c = nextCompensation(s, v, t, c); s = t;}
     * and finally {@code s + c}.
     */
    public static double nextCompensation(double sum, double increment, double newSum, double c) {
        if (Double.isInfinite(newSum)) {
            return 0;
        }
        // Neumaier's variant: the low bits lost are those of whichever operand is smaller in magnitude.
        if (Math.abs(sum) >= Math.abs(increment)) {
            return c + ((sum - newSum) + increment);
        }
        return c + ((increment - newSum) + sum);
    }

    /** The compensated sum of {@code values[from..to)}; 0 for an empty range. */
    public static double sum(double[] values, int from, int to) {
        double sum = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double next = sum + values[i];
            c = nextCompensation(sum, values[i], next, c);
            sum = next;
        }
        return Double.isInfinite(sum) ? sum : sum + c;
    }

    /** Adds {@code value}. */
    public void add(double value) {
        double next = sum + value;
        compensation = nextCompensation(sum, value, next, compensation);
        sum = next;
    }

    /** Starts again from {@code value}, as when a group sees its first sample. */
    public void set(double value) {
        sum = value;
        compensation = 0;
    }

    /** Starts again from zero. */
    public void reset() {
        set(0);
    }

    /** The sum so far, with its compensation applied. */
    public double value() {
        return Double.isInfinite(sum) ? sum : sum + compensation;
    }
}
