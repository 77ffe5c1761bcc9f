package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.util.List;

/**
 * The lines of a log query's result that share labels: all their labels, or only the stream labels when the result
 * keeps label kinds apart.
 *
 * @param labels the labels
 * @param entries the lines, in the query's direction
 */
public record LogStream(Labels labels, List<LogEntry> entries) {

    /** Checks and copies. */
    public LogStream {
        requireNonNull(labels, "labels is null");
        entries = List.copyOf(entries);
    }
}
