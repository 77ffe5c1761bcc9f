package dev.vigil.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reader sees: the segments, oldest first, with the active one's sealed blocks and open block as they were when
 * the view was published (after an append, a seal, a roll or retention). Immutable and thread-safe.
 *
 * @param <B> the store's block type
 */
public final class StoreView<B extends Block> {

    private final List<Segment<B>> closed;
    private final Segment<B> active;
    private final List<B> activeBlocks;
    private final @Nullable B head;

    StoreView(List<Segment<B>> closed, Segment<B> active, List<B> activeBlocks, @Nullable B head) {
        this.closed = closed;
        this.active = active;
        this.activeBlocks = activeBlocks;
        this.head = head;
    }

    /** The segments, oldest first, the one being written last. */
    public List<Segment<B>> segments() {
        List<Segment<B>> all = new ArrayList<>(closed.size() + 1);
        all.addAll(closed);
        all.add(active);
        return all;
    }

    /**
     * Holds the segments for reading and lists their blocks, oldest first: the sealed ones, then the snapshot of the
     * block being written. A segment that retention deleted meanwhile is left out (its items have expired). The
     * caller closes the result when done, which lets retention delete what it dropped.
     */
    public Retained<B> retain() {
        List<Segment<B>> held = new ArrayList<>(closed.size() + 1);
        List<B> blocks = new ArrayList<>();
        for (Segment<B> s : closed) {
            if (s.retain()) {
                held.add(s);
                blocks.addAll(s.blocks());
            }
        }
        if (active.retain()) {
            held.add(active);
            blocks.addAll(activeBlocks);
            if (head != null) {
                blocks.add(head);
            }
        }
        return new Retained<>(held, blocks);
    }

    /**
     * Segments held for reading, and their blocks. Closing gives the segments back; not thread-safe.
     *
     * @param <B> the store's block type
     */
    public static final class Retained<B extends Block> implements AutoCloseable {
        private final List<Segment<B>> segments;
        private final List<B> blocks;
        private boolean closed;

        private Retained(List<Segment<B>> segments, List<B> blocks) {
            this.segments = Collections.unmodifiableList(segments);
            this.blocks = Collections.unmodifiableList(blocks);
        }

        /** The segments held. */
        public List<Segment<B>> segments() {
            return segments;
        }

        /** Their blocks, oldest first. */
        public List<B> blocks() {
            return blocks;
        }

        /** Gives the segments back. Idempotent. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            for (Segment<B> s : segments) {
                s.release();
            }
        }
    }
}
