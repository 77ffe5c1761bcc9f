package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import java.util.Collection;
import java.util.List;

/** Small label-set transformations the operators share. */
final class LabelSets {

    private static final List<String> NAME = List.of(Labels.METRIC_NAME);

    private LabelSets() {}

    /** {@code labels} without the metric name. */
    static Labels withoutName(Labels labels) {
        return labels.has(Labels.METRIC_NAME) ? labels.without(NAME) : labels;
    }

    /** {@code labels} with only the labels named (an empty list keeps nothing). */
    static Labels keep(Labels labels, Collection<String> names) {
        return names.isEmpty() ? Labels.EMPTY : labels.keep(names);
    }

    /** {@code labels} without the labels named and without the metric name. */
    static Labels withoutNameAnd(Labels labels, Collection<String> names) {
        Labels.Builder builder = labels.toBuilder();
        builder.remove(Labels.METRIC_NAME);
        for (String name : names) {
            builder.remove(name);
        }
        return builder.build();
    }

    /** {@code labels} with {@code name} set to {@code value}, or removed when the value is empty. */
    static Labels with(Labels labels, String name, String value) {
        String old = labels.get(name);
        if (value.isEmpty() ? old == null : value.equals(old)) {
            return labels;
        }
        return labels.toBuilder().set(name, value).build();
    }
}
