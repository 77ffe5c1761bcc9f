/**
 * The tracing plugin: the platform's OpenTelemetry SDK, configured from YAML and published in the service registry;
 * trace ingest over OTLP/HTTP and Zipkin v2; an embedded trace store behind {@link dev.vigil.api.traces.TraceQuery}
 * with Zipkin's query API; span metrics, the service map and bottlenecks.
 */
@NullMarked
package dev.vigil.tracing;

import org.jspecify.annotations.NullMarked;
