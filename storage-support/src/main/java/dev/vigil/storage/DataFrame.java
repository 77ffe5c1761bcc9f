package dev.vigil.storage;

/**
 * What the library needs to know of a data frame, from its header: where it is, how many items it holds and their
 * time range, and where its LZ4-compressed payload starts. A store's own frame header type implements it, with
 * whatever else the store keeps there. Implementations are immutable.
 */
public interface DataFrame {

    /** Where the frame starts in its segment. */
    long offset();

    /** The whole frame's bytes, prefix included. */
    int length();

    /** How many items it holds, at least 1. */
    int count();

    /** The earliest time of its items, by the store's clock of choice (nanoseconds since the epoch). */
    long minTime();

    /** The latest time of its items. */
    long maxTime();

    /** The bytes of its payload once decompressed. */
    int rawLength();

    /** Where the compressed payload starts, from the frame's start; it runs to the frame's end. */
    int payloadOffset();

    /**
     * Whether the next data frame holds more items of the same appended batch. On recovery, a batch whose last frame
     * is missing is dropped whole.
     */
    boolean continues();
}
