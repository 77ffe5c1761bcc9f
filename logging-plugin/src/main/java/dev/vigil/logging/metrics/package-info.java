/**
 * Log-based metrics: records that match a configured filter counted into counter series of the metric store, so
 * alert rules can fire on them. {@link dev.vigil.logging.metrics.LogMetrics} is the entry point.
 */
@NullMarked
package dev.vigil.logging.metrics;

import org.jspecify.annotations.NullMarked;
