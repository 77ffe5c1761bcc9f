package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;

/**
 * One line of a log query's result.
 *
 * @param timeNanos when it happened, in nanoseconds since the epoch
 * @param line the line, as the pipeline left it
 * @param structuredMetadata its structured metadata, when the result keeps label kinds apart; else empty
 * @param parsed the labels the pipeline extracted, when the result keeps label kinds apart; else empty
 */
public record LogEntry(long timeNanos, String line, Labels structuredMetadata, Labels parsed) {

    /** Checks. */
    public LogEntry {
        requireNonNull(line, "line is null");
        requireNonNull(structuredMetadata, "structuredMetadata is null");
        requireNonNull(parsed, "parsed is null");
    }
}
