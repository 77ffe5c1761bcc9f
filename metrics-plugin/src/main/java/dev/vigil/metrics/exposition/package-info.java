/** {@code GET /metrics}: the platform's meters in the Prometheus text format or OpenMetrics. */
@NullMarked
package dev.vigil.metrics.exposition;

import org.jspecify.annotations.NullMarked;
