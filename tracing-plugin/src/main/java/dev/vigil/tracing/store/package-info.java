/**
 * The embedded trace store: append-only segment files of LZ4-compressed span frames, grouped into blocks whose index
 * (time range, operations with their counts, errors and durations, a table of the traces in each frame, Bloom filters
 * of trace ids and attribute values) lets lookups and searches skip what cannot match, behind
 * {@link dev.vigil.api.traces.TraceQuery} and {@link dev.vigil.tracing.SpanSink}; and the optional tail-based retention
 * in front of it.
 */
@NullMarked
package dev.vigil.tracing.store;

import org.jspecify.annotations.NullMarked;
