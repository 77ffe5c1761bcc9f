package dev.vigil.tracing.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a query sees: the segments, oldest first, with the active one's sealed blocks and open block as they were when
 * the view was published (after an append, a seal, a roll or retention). Immutable.
 */
final class StoreView {

    private final List<Segment> closed;
    private final Segment active;
    private final SealedBlock[] activeSealed;
    private final @Nullable HeadBlock head;

    StoreView(List<Segment> closed, Segment active, SealedBlock[] activeSealed, @Nullable HeadBlock head) {
        this.closed = closed;
        this.active = active;
        this.activeSealed = activeSealed;
        this.head = head;
    }

    /** The segments, oldest first, the active one last. */
    List<Segment> segments() {
        List<Segment> all = new ArrayList<>(closed);
        all.add(active);
        return all;
    }

    /**
     * The blocks of the segments this query could retain (a segment retention dropped meanwhile is left out: its spans
     * have expired). The caller gives the segments back by closing the result.
     */
    Retained retain() {
        List<Segment> held = new ArrayList<>(closed.size() + 1);
        List<BlockView> blocks = new ArrayList<>();
        for (Segment s : closed) {
            if (s.retain()) {
                held.add(s);
                blocks.addAll(Arrays.asList(s.sealed));
            }
        }
        if (active.retain()) {
            held.add(active);
            blocks.addAll(Arrays.asList(activeSealed));
            if (head != null) {
                blocks.add(head);
            }
        }
        return new Retained(held, blocks);
    }

    /** Segments held for reading, and their blocks. */
    static final class Retained implements AutoCloseable {
        final List<Segment> segments;
        final List<BlockView> blocks;

        Retained(List<Segment> segments, List<BlockView> blocks) {
            this.segments = segments;
            this.blocks = blocks;
        }

        @Override
        public void close() {
            for (Segment s : segments) {
                s.release();
            }
        }
    }
}
