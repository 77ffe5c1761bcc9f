/**
 * The platform's own OpenTelemetry SDK, configured from the {@code sdk} settings: resource, sampler, batching,
 * exporters (OTLP/HTTP, Zipkin v2 JSON, logging, and the platform's own trace store) and context propagation.
 *
 * <p>{@link dev.vigil.tracing.sdk.PlatformTelemetry} is the entry point: it builds the SDK, hands out an
 * {@code OpenTelemetry} and a {@code Tracer} that stay valid when changed settings are applied, and closes it. It
 * never sets the global OpenTelemetry: an application embedding the platform may own that.
 * {@link dev.vigil.tracing.sdk.SpanConverter} turns SDK spans into {@link dev.vigil.api.traces.SpanRecord}s; the
 * Zipkin exporter writes them with the Zipkin API's {@link dev.vigil.tracing.zipkin.ZipkinSpanWriter}.
 */
@NullMarked
package dev.vigil.tracing.sdk;

import org.jspecify.annotations.NullMarked;
