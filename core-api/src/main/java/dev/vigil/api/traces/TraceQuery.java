package dev.vigil.api.traces;

import dev.vigil.api.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds stored spans. The tracing plugin publishes one in the service registry. Thread-safe.
 *
 * <p>A store that cannot be read throws {@link java.io.UncheckedIOException}; bad arguments are refused with an
 * {@link IllegalArgumentException} saying why.
 */
@Experimental
public interface TraceQuery {

    /** Every stored span of the trace {@code traceId}, earliest start first; empty when none is stored. */
    List<SpanRecord> trace(String traceId);

    /** The traces with a span that meets {@code search}, the most recently started first. */
    List<TraceSummary> search(TraceSearch search);

    /** The services with spans started from {@code from} to {@code to}, sorted. */
    List<String> services(Instant from, Instant to);

    /** The span names and kinds of {@code service} with spans started from {@code from} to {@code to}, sorted by name. */
    List<Operation> operations(String service, Instant from, Instant to);

    /**
     * Hands every stored span started from {@code from} to {@code to} to {@code consumer}, in no particular order: for
     * what is computed over recent spans (service maps, bottlenecks).
     */
    void scan(Instant from, Instant to, Consumer<SpanRecord> consumer);

    /**
     * A named operation of a service.
     *
     * @param name the span name
     * @param kind the span kind
     */
    record Operation(String name, SpanKind kind) {
        /** Checks the values. */
        public Operation {
            java.util.Objects.requireNonNull(name, "name is null");
            java.util.Objects.requireNonNull(kind, "kind is null");
        }
    }
}
