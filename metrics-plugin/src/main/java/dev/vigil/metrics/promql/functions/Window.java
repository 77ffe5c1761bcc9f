package dev.vigil.metrics.promql.functions;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.PositionRange;

/**
 * The samples of one series that a range function sees at one evaluation step: those with timestamps in
 * {@code (start, end]}, at {@code timestamps[from..to)} and {@code values[from..to)}. The evaluator fills one
 * window and moves it along the steps, so a function must not keep it. Staleness markers are never inside.
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
    /** The values of the function's scalar arguments at this step, in the order they were written. */
    public double[] args = new double[0];
    /** Whether the samples come from a subquery rather than from the store. */
    public boolean subquery;
    /** The metric name of the series, or {@code ""}: for annotations. */
    public String metricName = "";
    /** Where the call is, for annotations. */
    public PositionRange position = new PositionRange(0, 0);
    /** Where to put warnings and infos. */
    public Annotations annotations = new Annotations("");

    /** How many samples are in the window. */
    public int size() {
        return to - from;
    }
}
