package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;

/**
 * The series a range function reads: a range selector's series from the store, or a subquery's evaluated
 * series. {@link #load(int)} makes one series' samples current; the arrays are reused between series.
 */
interface RangeInput {

    /** How many series there are. */
    int size();

    /** The labels of series {@code index}. */
    Labels labels(int index);

    /** Makes the samples of series {@code index} current and returns how many there are. */
    int load(int index);

    /** The timestamps of the current series, ascending; only the first {@code load} ones count. */
    long[] times();

    /** The values of the current series; never staleness markers. */
    double[] values();
}
