/**
 * Zipkin's v2 API: spans sent by Zipkin tracers into the trace store, and Zipkin's query API over any
 * {@link dev.vigil.api.traces.TraceQuery} for the Zipkin UI and Grafana's Zipkin data source.
 * {@link dev.vigil.tracing.zipkin.ZipkinApi} is the entry point; {@link dev.vigil.tracing.zipkin.ZipkinSpanReader}
 * documents how a Zipkin span maps to a {@link dev.vigil.api.traces.SpanRecord} and
 * {@link dev.vigil.tracing.zipkin.ZipkinSpanWriter} writes it back.
 */
@NullMarked
package dev.vigil.tracing.zipkin;

import org.jspecify.annotations.NullMarked;
