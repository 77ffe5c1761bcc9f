package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.util.List;

/**
 * A series description with its values, such as {@code http_requests{job="api"} 0+10x5}: a line of a
 * {@code load} block or an expected series of an {@code eval}.
 *
 * @param labels the series, the metric name in {@code __name__}
 * @param values the expanded values, one per position
 */
record SeriesLine(Labels labels, List<SeriesValue> values) {

    /** Checks and copies. */
    SeriesLine {
        requireNonNull(labels, "labels is null");
        values = List.copyOf(values);
    }

    /** Whether any value is a native histogram literal. */
    boolean hasHistogram() {
        return values.stream().anyMatch(v -> v.kind() == SeriesValue.Kind.HISTOGRAM);
    }
}
