/**
 * Prometheus remote write 1.0: {@link dev.vigil.metrics.remotewrite.RemoteWriteReceiver} takes snappy-compressed
 * {@code prometheus.WriteRequest} messages into a metric store, and
 * {@link dev.vigil.metrics.remotewrite.RemoteWriteExporter} sends the samples the platform stores on to another
 * system (Prometheus, Mimir, Thanos, VictoriaMetrics), fed by {@link dev.vigil.metrics.remotewrite.ExportingMetricStore}.
 */
@NullMarked
package dev.vigil.metrics.remotewrite;

import org.jspecify.annotations.NullMarked;
