package dev.vigil.metrics.promql.functions;

/**
 * Population variance and standard deviation, computed in one pass with Welford's method as Prometheus does.
 *
 * <p>{@link #overTime} is {@code stdvar_over_time}: the mean and the sum of squared deviations are both
 * compensated sums. An instance is the {@code stdvar}/{@code stddev} aggregation: plain Welford updates, and a
 * group whose first value is NaN or infinite has a NaN variance. Instances are not thread-safe; use one per group
 * and {@link #reset()} it to reuse it.
 */
public final class Variance {

    private double count;
    private double mean;
    private double squares;

    /** A variance of no values. */
    public Variance() {}

    /** The variance of {@code values[from..to)} as {@code stdvar_over_time} computes it; NaN when empty. */
    public static double overTime(double[] values, int from, int to) {
        double count = 0;
        double mean = 0;
        double meanC = 0;
        double squares = 0;
        double squaresC = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            count++;
            double delta = v - (mean + meanC);
            double step = delta / count;
            double nextMean = mean + step;
            meanC = KahanSum.nextCompensation(mean, step, nextMean, meanC);
            mean = nextMean;
            double square = delta * (v - (mean + meanC));
            double nextSquares = squares + square;
            squaresC = KahanSum.nextCompensation(squares, square, nextSquares, squaresC);
            squares = nextSquares;
        }
        return (squares + squaresC) / count;
    }

    /** Adds one value. */
    public void add(double value) {
        if (count == 0) {
            count = 1;
            mean = value;
            squares = Double.isNaN(value) || Double.isInfinite(value) ? Double.NaN : 0;
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
    }

    /** How many values were added. */
    public long count() {
        return (long) count;
    }

    /** The population variance of the values so far; NaN when there are none. */
    public double variance() {
        return count == 0 ? Double.NaN : squares / count;
    }

    /** The population standard deviation of the values so far; NaN when there are none. */
    public double stddev() {
        return Math.sqrt(variance());
    }

    /** Forgets every value. */
    public void reset() {
        count = 0;
        mean = 0;
        squares = 0;
    }
}
