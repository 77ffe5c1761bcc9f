package dev.vigil.metrics.store.chunk;

import static java.util.Objects.requireNonNull;

/**
 * A chunk held in memory.
 *
 * @param bytes the encoded samples; not copied, so callers must not change them
 * @param minTime the first timestamp
 * @param maxTime the last timestamp
 * @param count how many samples it holds
 */
public record ChunkBytes(byte[] bytes, long minTime, long maxTime, int count) implements Chunk {

    /** Checks that the bytes are there. */
    public ChunkBytes {
        requireNonNull(bytes, "bytes is null");
    }

    /** The samples of {@code encoder} so far, copied. */
    public static ChunkBytes of(XorEncoder encoder) {
        return new ChunkBytes(encoder.toBytes(), encoder.minTime(), encoder.maxTime(), encoder.count());
    }
}
