package dev.vigil.logging.store;

import dev.vigil.storage.Block;
import dev.vigil.storage.Segment;
import java.io.IOException;

/**
 * A block as a search sees it: the index of a run of data frames in one segment. Sealed blocks are read from their
 * block frame on disk; the block being written is seen through a snapshot of its in-memory index. Immutable.
 */
abstract class BlockView implements Block {

    final Segment<BlockView> segment;
    final long minTime;
    final long maxTime;
    final long count;
    /** Records of each severity, by ordinal. */
    final long[] severityCounts;
    /** The distinct resources of its records. */
    final int[] resourceIds;

    BlockView(Segment<BlockView> segment, long minTime, long maxTime, long count, long[] severityCounts,
            int[] resourceIds) {
        this.segment = segment;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.count = count;
        this.severityCounts = severityCounts;
        this.resourceIds = resourceIds;
    }

    @Override
    public final long minTime() {
        return minTime;
    }

    @Override
    public final long maxTime() {
        return maxTime;
    }

    @Override
    public final long count() {
        return count;
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
