package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.util.List;

/**
 * A series an {@code eval} expects in its result.
 *
 * @param labels the labels, exactly
 * @param values one value for an instant vector; one per step for a range query or an expected range vector
 *     ({@code _} where the step has no point)
 * @param position where it is among the expected series, from 1; checked when the order is expected
 */
record ExpectedSeries(Labels labels, List<SeriesValue> values, int position) {

    /** Checks and copies. */
    ExpectedSeries {
        requireNonNull(labels, "labels is null");
        values = List.copyOf(values);
    }
}
