package dev.vigil.metrics.promql.functions;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.PositionRange;

/**
 * The samples of one series that a range function sees at one evaluation step: those with timestamps in
 * {@code (start, end]}, at {@code timestamps[from..to)} and {@code values[from..to)}. The evaluator fills one
 * window and moves it along the steps, so a function must not keep it. Staleness markers are never inside.
 * Functions never change the samples. One window per evaluating thread: not thread-safe.
 */
public final class Window {

    /** Timestamps in milliseconds, ascending; only {@code [from, to)} belongs to this window. */
    public long[] timestamps = new long[0];
    /** The values matching {@link #timestamps}. */
    public double[] values = new double[0];
    /** The first sample of the window. */
    public int from;
    /** One past the last sample of the window. */
    public int to;
    /** The start of the range, excluded: the evaluation time minus the range (and the offset). */
    public long start;
    /** The end of the range, included: the evaluation time (minus the offset). */
    public long end;
    /**
     * The time of the evaluation step in milliseconds, which differs from {@link #end} when the selector has an
     * offset or an {@code @} modifier. {@code predict_linear} predicts from this time, as Prometheus does. Left at
     * {@link Long#MIN_VALUE}, it is taken to be {@link #end}.
     */
    public long evaluationTime = Long.MIN_VALUE;
    /** The values of the function's scalar arguments at this step, in the order they were written. */
    public double[] args = new double[0];
    /** Whether the samples come from a subquery rather than from the store. */
    public boolean subquery;
    /** The metric name of the series, or {@code ""}: for annotations. */
    public String metricName = "";
    /**
     * Where a function's annotations point: the position of the call's first argument, as in Prometheus (for
     * {@code rate(x[5m])} the matrix selector; for {@code quantile_over_time(2, x[5m])} the {@code 2}).
     */
    public PositionRange position = new PositionRange(0, 0);
    /** Where to put warnings and infos. */
    public Annotations annotations = new Annotations("");

    /** Working space for functions that reorder the values, so a step allocates nothing; grown on demand. */
    double[] scratch = new double[0];

    /** How many samples are in the window. */
    public int size() {
        return to - from;
    }

    /** The step time {@code predict_linear} predicts from: {@link #evaluationTime}, or {@link #end} when unset. */
    long stepTime() {
        return evaluationTime == Long.MIN_VALUE ? end : evaluationTime;
    }

    /** {@link #scratch} holding a copy of the window's values at {@code [0, size())}. */
    double[] copyOfValues() {
        int n = size();
        if (scratch.length < n) {
            scratch = new double[Math.max(n, scratch.length * 2)];
        }
        System.arraycopy(values, from, scratch, 0, n);
        return scratch;
    }
}
