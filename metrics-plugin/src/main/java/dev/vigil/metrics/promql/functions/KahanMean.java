package dev.vigil.metrics.promql.functions;

/**
 * A running arithmetic mean as Prometheus computes it for {@code avg} and {@code avg_over_time}: a compensated
 * sum divided by the count while the sum stays finite (the most accurate way), switching for good to a
 * compensated incremental mean once the sum would overflow, so that averaging values near the largest double
 * does not give an infinity. Infinities and NaN among the values propagate as in plain arithmetic.
 *
 * <p>Use an instance per group and {@link #reset()} it to reuse it. Not thread-safe.
 */
public final class KahanMean {

    private double count;
    private double sum;
    private double mean;
    private double compensation;
    private boolean incremental;

    /** A mean of no values. */
    public KahanMean() {}

    /** The mean of {@code values[from..to)}, which must not be empty. */
    public static double mean(double[] values, int from, int to) {
        KahanMean mean = new KahanMean();
        for (int i = from; i < to; i++) {
            mean.add(values[i]);
        }
        return mean.value();
    }

    /** Adds one value. */
    public void add(double value) {
        if (count == 0) {
            count = 1;
            sum = value;
            return;
        }
        count++;
        if (!incremental) {
            double next = sum + value;
            if (!Double.isInfinite(next)) {
                compensation = KahanSum.nextCompensation(sum, value, next, compensation);
                sum = next;
                return;
            }
            incremental = true;
            mean = sum / (count - 1);
            compensation /= count - 1;
        }
        double keep = (count - 1) / count;
        double scaledMean = keep * mean;
        double increment = value / count;
        double next = scaledMean + increment;
        compensation = KahanSum.nextCompensation(scaledMean, increment, next, keep * compensation);
        mean = next;
    }

    /** How many values were added. */
    public long count() {
        return (long) count;
    }

    /** The mean of the values so far; NaN when there are none. */
    public double value() {
        if (count == 0) {
            return Double.NaN;
        }
        if (incremental) {
            return mean + compensation;
        }
        return sum / count + compensation / count;
    }

    /** Forgets every value. */
    public void reset() {
        count = 0;
        sum = 0;
        mean = 0;
        compensation = 0;
        incremental = false;
    }
}
