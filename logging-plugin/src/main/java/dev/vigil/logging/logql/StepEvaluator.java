package dev.vigil.logging.logql;

import java.util.List;

/**
 * Evaluates a metric query one step at a time, at increasing times. A scalar answers one sample without labels.
 * Not thread-safe.
 */
interface StepEvaluator {

    /** Whether the value is a number rather than a vector. */
    boolean isScalar();

    /** The samples at {@code timeNanos}. */
    List<StepSample> at(long timeNanos);
}
