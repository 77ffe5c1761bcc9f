package dev.vigil.logging.store;

import java.io.IOException;

/**
 * A block as a search sees it: the index of a run of data frames in one segment. Sealed blocks are read from their
 * block frame on disk; the block being written is seen through a snapshot of its in-memory index. Immutable.
 */
abstract class BlockView {

    final Segment segment;
    final long minTime;
    final long maxTime;
    final long count;
    /** Records of each severity, by ordinal. */
    final long[] severityCounts;
    /** The distinct resources of its records. */
    final int[] resourceIds;

    BlockView(Segment segment, long minTime, long maxTime, long count, long[] severityCounts, int[] resourceIds) {
        this.segment = segment;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.count = count;
        this.severityCounts = severityCounts;
        this.resourceIds = resourceIds;
    }

    /** Its data frames, in the order they were written. */
    abstract FrameInfo[] frames(Reader reader) throws IOException;

    /** Whether bit {@code probe} (of a full-size filter) is set in its Bloom filter. */
    abstract boolean bit(Reader reader, int probe) throws IOException;

    /** Whether every one of {@code probes} is set. */
    final boolean allBits(Reader reader, int[] probes) throws IOException {
        for (int p : probes) {
            if (!bit(reader, p)) {
                return false;
            }
        }
        return true;
    }
}
