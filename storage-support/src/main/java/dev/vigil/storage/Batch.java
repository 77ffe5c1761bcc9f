package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of items encoded into data frames, ready to append: the frames back to back, the definitions they use, and
 * how each is indexed once written. A store's encoder owns one, fills it on the appending thread outside the append
 * lock ({@link #clear}, then frames into {@link #out()} and their values with {@link #define}), and hands it to
 * {@link SegmentStore#append}, which writes it with one write and has the {@link Indexer} add each frame to the open
 * block. Not thread-safe; used by one append at a time.
 *
 * @param <F> the store's data frame header type
 * @param <O> the store's open block type
 */
public final class Batch<F extends DataFrame, O extends BlockBuilder<F, ?>> {

    private final ByteSink out = new ByteSink(1 << 16);
    private final List<Definition> definitions = new ArrayList<>();
    private final Indexer<F, O> indexer;
    private int items;

    /** An empty batch whose frames {@code indexer} adds to the open block. */
    public Batch(Indexer<F, O> indexer) {
        this.indexer = requireNonNull(indexer, "indexer is null");
    }

    /**
     * Adds a written frame to the open block.
     *
     * @param <F> the store's data frame header type
     * @param <O> the store's open block type
     */
    @FunctionalInterface
    public interface Indexer<F, O> {
        /**
         * Adds frame {@code k} of the batch to {@code block}, once the batch is written, under the append lock.
         *
         * @param k the frame, from 0 in the order of {@link #out()}
         * @param offset where the frame was written in its segment
         * @param sequence the sequence number of its first item (see {@link Segment#sequence()})
         * @return the frame's header
         */
        F index(int k, long offset, long sequence, O block);
    }

    /** Starts a new batch of {@code items} items (a count for messages): forgets the frames and definitions. */
    public void clear(int items) {
        this.items = items;
        out.clear();
        definitions.clear();
    }

    /** Where the encoder appends the data frames, each sealed (see {@link Frames#seal}), back to back. */
    public ByteSink out() {
        return out;
    }

    /**
     * Says that the frames use {@code definition}; the library writes it before them into a segment that lacks it.
     * Repeats are allowed; definitions are written in the order they first come.
     */
    public void define(Definition definition) {
        definitions.add(requireNonNull(definition, "definition is null"));
    }

    int items() {
        return items;
    }

    List<Definition> definitions() {
        return definitions;
    }

    /** The length of the frame at {@code offset} of {@link #out()}, prefix included. */
    int frameLength(int offset) {
        return Frames.PREFIX + (int) Bytes.BE_INT.get(out.array(), offset);
    }

    F index(int k, long offset, long sequence, O block) {
        return indexer.index(k, offset, sequence, block);
    }
}
