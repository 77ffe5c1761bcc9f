package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a log query.
 *
 * @param streams the lines, grouped by labels, sorted by labels
 * @param statistics what the query did
 */
public record LogResult(List<LogStream> streams, QueryStatistics statistics) {

    /** Checks and copies. */
    public LogResult {
        streams = List.copyOf(streams);
        requireNonNull(statistics, "statistics is null");
    }
}
