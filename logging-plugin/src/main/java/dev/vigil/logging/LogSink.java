package dev.vigil.logging;

import dev.vigil.api.logs.LogRecord;
import java.util.List;

/** Where records go once they are redacted: the log store, and what follows it. Thread-safe. */
@FunctionalInterface
public interface LogSink {

    /**
     * Stores {@code records}, in order.
     *
     * @throws java.io.UncheckedIOException if they cannot be stored; none of them is then
     */
    void accept(List<LogRecord> records);
}
