/**
 * The tracing benchmarks, each against a baseline measured in the same run: span ingest over OTLP/HTTP into Vigil
 * against the same spans as Zipkin v2 JSON into a Zipkin server ({@link dev.vigil.benchmarks.traces.TraceIngestDriver}),
 * and span start and end through the platform's {@code Tracer} against a bare OpenTelemetry SDK tracer
 * ({@link dev.vigil.benchmarks.traces.TracerBenchmark}).
 */
@NullMarked
package dev.vigil.benchmarks.traces;

import org.jspecify.annotations.NullMarked;
