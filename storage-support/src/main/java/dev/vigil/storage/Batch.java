package dev.vigil.storage;

import java.util.List;

/**
 * A batch of items encoded into data frames, ready to append: the frames back to back, and what the block index
 * needs of each. A store encodes a batch on the appending thread, outside the append lock, and hands it to
 * {@link SegmentStore#append}, which writes it with one write. Not thread-safe; used by one append at a time.
 *
 * @param <F> the store's data frame header type
 * @param <O> the store's open block type
 */
public interface Batch<F extends DataFrame, O extends BlockBuilder<?>> {

    /** How many items it holds, for messages. */
    int items();

    /** The values its frames refer to, in any order, with repeats allowed. */
    List<? extends Definition> definitions();

    /** Its data frames, back to back, in {@code frames().array()[0, frames().position())}. */
    ByteSink frames();

    /** How many data frames {@link #frames} holds. */
    int frameCount();

    /**
     * Adds frame {@code k} to the open block, once the batch is written, under the append lock.
     *
     * @param k the frame, from 0 in the order of {@link #frames}
     * @param offset where the frame was written in its segment
     * @param sequence the sequence number of its first item (see {@link Segment#sequence()})
     * @param block the block being written
     * @return the frame's header, whose {@link DataFrame#length()} leads to the next frame
     */
    F index(int k, long offset, long sequence, O block);
}
