package dev.vigil.storage;

/**
 * The index of the block being written in the active segment, built up as data frames are appended (see
 * {@link Batch#index}) or recovered (see {@link StoreCodec#reindex}), and written as a block frame once it is full
 * (see {@link StoreCodec#blockFrame}). Guarded by the store's append lock; readers see it through {@link #view}.
 *
 * @param <B> the store's block type
 */
public interface BlockBuilder<B extends Block> {

    /** Whether it has no frame yet. An empty block is never sealed nor shown to readers. */
    boolean isEmpty();

    /** The bytes of its frames' payloads, uncompressed; the block is sealed past the store's block size. */
    long rawBytes();

    /** The bytes of its frames on disk; the block is sealed past an eighth of the segment size (at least 64 KiB). */
    long storedBytes();

    /**
     * A snapshot for readers, of a block that is not empty, published with the next {@link StoreView}. Later appends
     * must not change what the snapshot shows of the frames it holds.
     */
    B view(Segment<B> segment);
}
