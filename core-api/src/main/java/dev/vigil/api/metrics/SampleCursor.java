package dev.vigil.api.metrics;

/**
 * Reads the samples of one series in timestamp order, one at a time, without allocating per sample. Starts
 * before the first sample: call {@link #next()} or {@link #seek(long)} first. One thread at a time.
 */
public interface SampleCursor {

    /** Moves to the next sample; false when there is none. */
    boolean next();

    /**
     * Moves to the first sample at or after {@code timestamp}, or stays where it is if the current sample is
     * already there; false when there is none.
     */
    boolean seek(long timestamp);

    /** The timestamp of the current sample, in milliseconds since the epoch. */
    long timestamp();

    /** The value of the current sample. */
    double value();
}
