package dev.vigil.metrics.store.chunk;

/** One encoded chunk of one series, wherever it lives (the head or a block). */
public interface Chunk {

    /** The first timestamp in the chunk. */
    long minTime();

    /** The last timestamp in the chunk. */
    long maxTime();

    /** How many samples it holds. */
    int count();

    /** The encoded samples, as {@link XorDecoder} reads them; callers must not change the array. */
    byte[] bytes();
}
