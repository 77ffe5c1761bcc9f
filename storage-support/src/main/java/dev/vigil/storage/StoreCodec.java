package dev.vigil.storage;

/**
 * What a store plugs into the library: its segment format, and how its definition, data and block frames are read and
 * its open block built. The library calls it at open (to recover segments) and under the store's append lock (to seal
 * blocks and apply retention), so from one thread at a time; the dictionaries it fills are read by queries meanwhile
 * and must be thread-safe.
 *
 * @param <F> the store's data frame header type
 * @param <B> the store's block type
 * @param <O> the store's open block type
 */
public interface StoreCodec<F extends DataFrame, B extends Block, O extends BlockBuilder<F, B>> {

    /** The store's segment format. */
    SegmentFormat format();

    /** Whether {@code type} is the type of one of its definition frames; other unknown types mean damage. */
    boolean isDefinition(byte type);

    /**
     * Reads the value of a definition frame, whole and intact, and records it in the store's dictionary.
     *
     * @param type the frame's type, one {@link #isDefinition} accepts
     * @param id the id it defines, not negative
     * @param frame the frame from its prefix
     * @param at where the value starts in {@code frame}, after the type and id; it runs to the frame's end
     * @throws IllegalArgumentException if it does not make sense
     * @see Definition
     */
    void define(byte type, int id, byte[] frame, int at);

    /**
     * Reads the header of a data frame, whole and intact.
     *
     * @param frame the frame from its prefix, in {@code frame[0, length)}
     * @param offset where the frame is in its segment
     * @param sequence the sequence number of its first item, if every frame before it is kept
     * @throws IllegalArgumentException if it does not make sense
     */
    F frame(byte[] frame, int length, long offset, long sequence);

    /**
     * Reads a block frame, whole and intact, found at {@code offset} in {@code segment}.
     *
     * @throws IllegalArgumentException if it does not make sense
     */
    B block(Segment<B> segment, long offset, byte[] frame, int length);

    /** A new, empty open block. */
    O newBlock();

    /** The block frame of {@code block}, which is not empty, from its prefix, sealed (see {@link Frames#end}). */
    byte[] blockFrame(O block);

    /**
     * Adds a data frame recovered at open to {@code block}: the frames written after the last block frame of the last
     * segment (or of a segment whose block frame was lost) are indexed again.
     *
     * @param raw its payload, decompressed, in {@code raw[0, frame.rawLength())}; the block may keep it
     * @throws IllegalArgumentException if the payload does not make sense; the segment is then cut before the frame
     * @throws IndexOutOfBoundsException likewise
     */
    void reindex(O block, F frame, byte[] raw);

    /**
     * Forgets the definitions no segment holds any more, after retention deleted some. Under the append lock.
     *
     * @param live tells whether a segment still holds a definition frame of a type and id
     */
    void retainDefinitions(Defined live);

    /** Tells which definitions segments hold. */
    @FunctionalInterface
    interface Defined {
        /** Whether some segment holds a definition frame of {@code type} with {@code id}. */
        boolean test(byte type, int id);
    }
}
