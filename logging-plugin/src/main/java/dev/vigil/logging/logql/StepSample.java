package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;

/**
 * One series' value at the step being evaluated.
 *
 * @param labels the series
 * @param value its value
 */
record StepSample(Labels labels, double value) {}
