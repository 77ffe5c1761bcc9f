package dev.vigil.tracing;

import dev.vigil.api.traces.SpanRecord;
import java.util.List;

/** Where received spans go: the trace store, and what follows it. Thread-safe. */
@FunctionalInterface
public interface SpanSink {

    /**
     * Stores {@code spans}, in order.
     *
     * @throws java.io.UncheckedIOException if they cannot be stored; none of them is then
     */
    void accept(List<SpanRecord> spans);
}
