/**
 * The OTLP/HTTP metrics receiver: {@code POST /v1/metrics} decoded with the published OTLP classes and
 * written into a {@link dev.vigil.api.metrics.MetricStore} as Prometheus series, following the OpenTelemetry
 * specification's "Prometheus and OpenMetrics compatibility" rules for the OTLP to Prometheus direction.
 */
@NullMarked
package dev.vigil.metrics.otlp;

import org.jspecify.annotations.NullMarked;
