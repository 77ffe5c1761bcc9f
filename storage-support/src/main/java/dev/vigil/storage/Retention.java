package dev.vigil.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which closed segments retention deletes: every one without items or whose latest item is before the cutoff,
 * then, oldest first, as many as it takes to bring the store within its size limit. The segment being written counts
 * in the size but is never chosen.
 */
final class Retention {

    private Retention() {}

    /** The choice: what to delete and what to keep, both oldest first. */
    record Choice<B extends Block>(List<Segment<B>> delete, List<Segment<B>> keep) {}

    /**
     * @param closed the closed segments, oldest first
     * @param activeBytes the size of the segment being written
     * @param cutoff the time before which items are past retention
     * @param limit the most bytes the store may take, 0 for no limit
     */
    static <B extends Block> Choice<B> choose(List<Segment<B>> closed, long activeBytes, long cutoff, long limit) {
        List<Segment<B>> delete = new ArrayList<>();
        List<Segment<B>> keep = new ArrayList<>();
        for (Segment<B> s : closed) {
            if (s.items() == 0 || s.maxTime() < cutoff) {
                delete.add(s);
            } else {
                keep.add(s);
            }
        }
        if (limit > 0) {
            long total = activeBytes;
            for (Segment<B> s : keep) {
                total += s.size();
            }
            while (total > limit && !keep.isEmpty()) {
                Segment<B> oldest = keep.remove(0);
                delete.add(oldest);
                total -= oldest.size();
            }
        }
        return new Choice<>(delete, keep);
    }
}
