package dev.vigil.api.metrics;

/** One series found by a {@link MetricQuerier}: its labels and a way to read its samples in the range. */
public interface Series {

    /** The labels of the series. */
    Labels labels();

    /** A new cursor over the samples in the querier's range, in timestamp order. */
    SampleCursor cursor();
}
