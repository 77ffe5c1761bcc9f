/**
 * The trace SPI: the span model, and how consumers find traces, services and operations in stored spans.
 *
 * <p>The model is OpenTelemetry's span, with attribute values as text: a {@link dev.vigil.api.traces.SpanRecord} has
 * its trace, span and parent ids, a name (the operation), a {@link dev.vigil.api.traces.SpanKind}, start and end
 * times, a {@link dev.vigil.api.traces.SpanStatus}, the attributes of the resource that emitted it (among them
 * {@code service.name}), its scope, attributes, events and links. The tracing plugin publishes a
 * {@link dev.vigil.api.traces.TraceQuery} in the service registry; another implementation can take its place without
 * touching its consumers.
 */
@NullMarked
package dev.vigil.api.traces;

import org.jspecify.annotations.NullMarked;
