package dev.vigil.logging.logql;

/**
 * What a query did, for the {@code stats} of Loki's answers. Not thread-safe: one query fills it.
 */
public final class QueryStatistics {

    private long linesProcessed;
    private long bytesProcessed;
    private long postFilterLines;
    private long entriesReturned;
    private long execNanos;

    /** Counts a line read from the store. */
    void processed(String line) {
        linesProcessed++;
        bytesProcessed += Utf8.length(line);
    }

    /** Counts a line the pipeline kept. */
    void kept() {
        postFilterLines++;
    }

    void returned(long entries) {
        entriesReturned += entries;
    }

    void took(long nanos) {
        execNanos = nanos;
    }

    /** Lines read from the store. */
    public long linesProcessed() {
        return linesProcessed;
    }

    /** Bytes of the lines read from the store. */
    public long bytesProcessed() {
        return bytesProcessed;
    }

    /** Lines the pipeline kept. */
    public long postFilterLines() {
        return postFilterLines;
    }

    /** Lines in the result of a log query. */
    public long entriesReturned() {
        return entriesReturned;
    }

    /** How long the query ran, in nanoseconds. */
    public long execNanos() {
        return execNanos;
    }
}
