package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;

/**
 * One series of an instant vector evaluated over a grid: its labels and one value per step, {@link Steps#ABSENT}
 * where it has no sample. The operator that receives a series owns it and may change its values in place.
 */
final class StepSeries {

    private final Labels labels;
    private final double[] values;

    StepSeries(Labels labels, double[] values) {
        this.labels = requireNonNull(labels, "labels is null");
        this.values = requireNonNull(values, "values is null");
    }

    Labels labels() {
        return labels;
    }

    double[] values() {
        return values;
    }

    /** The same values under other labels. */
    StepSeries withLabels(Labels newLabels) {
        return newLabels.equals(labels) ? this : new StepSeries(newLabels, values);
    }

    /** These labels without the metric name. */
    StepSeries withoutName() {
        return labels.has(Labels.METRIC_NAME) ? new StepSeries(LabelSets.withoutName(labels), values) : this;
    }

    @Override
    public String toString() {
        return labels.toString();
    }
}
