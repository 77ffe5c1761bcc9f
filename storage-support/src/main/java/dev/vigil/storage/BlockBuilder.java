package dev.vigil.storage;

/**
 * The index of the block being written in the active segment, built up as data frames are appended (see
 * {@link Batch.Indexer}) or recovered (see {@link StoreCodec#reindex}), and written as a block frame once it is full
 * (see {@link StoreCodec#blockFrame}). This class counts the frames and their bytes, which decide when the block is
 * full; a store's subclass indexes what its queries need. Guarded by the store's append lock; readers see it through
 * {@link #view}.
 *
 * @param <F> the store's data frame header type
 * @param <B> the store's block type
 */
public abstract class BlockBuilder<F extends DataFrame, B extends Block> {

    private int frames;
    private long rawBytes;
    private long storedBytes;

    /** An empty block. */
    protected BlockBuilder() {}

    /** Counts {@code frame}, which the subclass indexes. */
    protected final void count(F frame) {
        frames++;
        rawBytes += frame.rawLength();
        storedBytes += frame.length();
    }

    /** Whether it has no frame yet. An empty block is never sealed nor shown to readers. */
    public final boolean isEmpty() {
        return frames == 0;
    }

    /** The bytes of its frames' payloads, uncompressed; the block is sealed past the store's block size. */
    public final long rawBytes() {
        return rawBytes;
    }

    /** The bytes of its frames on disk; the block is sealed past an eighth of the segment size (at least 64 KiB). */
    public final long storedBytes() {
        return storedBytes;
    }

    /**
     * A snapshot for readers, of a block that is not empty, published with the next {@link StoreView}. Later appends
     * must not change what the snapshot shows of the frames it holds.
     */
    public abstract B view(Segment<B> segment);
}
