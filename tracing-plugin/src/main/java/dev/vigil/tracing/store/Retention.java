package dev.vigil.tracing.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which closed segments retention deletes: every one without spans or whose latest span start is before the
 * cutoff, then, oldest first, as many as it takes to bring the store within its size limit. The segment being written
 * counts in the size but is never chosen.
 */
final class Retention {

    private Retention() {}

    /** The choice: what to delete and what to keep, both oldest first. */
    record Choice(List<Segment> delete, List<Segment> keep) {}

    /**
     * @param closed the closed segments, oldest first
     * @param activeBytes the size of the segment being written
     * @param cutoff the time, in nanoseconds since the epoch, before which spans are past retention
     * @param limit the most bytes the store may take, 0 for no limit
     */
    static Choice choose(List<Segment> closed, long activeBytes, long cutoff, long limit) {
        List<Segment> delete = new ArrayList<>();
        List<Segment> keep = new ArrayList<>();
        for (Segment s : closed) {
            if (s.spans == 0 || s.maxStart < cutoff) {
                delete.add(s);
            } else {
                keep.add(s);
            }
        }
        if (limit > 0) {
            long total = activeBytes;
            for (Segment s : keep) {
                total += s.size;
            }
            while (total > limit && !keep.isEmpty()) {
                Segment oldest = keep.remove(0);
                delete.add(oldest);
                total -= oldest.size;
            }
        }
        return new Choice(delete, keep);
    }
}
