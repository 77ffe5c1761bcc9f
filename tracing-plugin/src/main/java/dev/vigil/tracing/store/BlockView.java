package dev.vigil.tracing.store;

import dev.vigil.storage.Block;
import dev.vigil.storage.Segment;
import java.io.IOException;

/**
 * A block as a query sees it: the index of a run of data frames in one segment. Sealed blocks read their frame
 * table, trace table and attribute filter from the block frame on disk; the block being written is seen through a
 * snapshot of its in-memory index. Immutable.
 */
abstract class BlockView implements Block {

    final Segment<BlockView> segment;
    final long minStart;
    final long maxStart;
    final int count;
    final int errors;
    final long minDuration;
    final long maxDuration;
    /** The distinct resources of its spans. */
    final int[] resourceIds;
    /** Its operations, each with its counts and ranges. */
    final OpStats[] operations;

    BlockView(Segment<BlockView> segment, long minStart, long maxStart, int count, int errors, long minDuration,
            long maxDuration, int[] resourceIds, OpStats[] operations) {
        this.segment = segment;
        this.minStart = minStart;
        this.maxStart = maxStart;
        this.count = count;
        this.errors = errors;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
        this.resourceIds = resourceIds;
        this.operations = operations;
    }

    /** The earliest span start: spans are ordered and retained by their start. */
    @Override
    public final long minTime() {
        return minStart;
    }

    /** The latest span start. */
    @Override
    public final long maxTime() {
        return maxStart;
    }

    @Override
    public final long count() {
        return count;
    }

    /** Its data frames, in the order they were written. */
    abstract FrameInfo[] frames(Reader reader) throws IOException;

    /** False if it surely holds no span of the trace with {@code key}; cheap, needs no read. */
    abstract boolean mayHoldTrace(long key);

    /** The indexes (into {@link #frames}) of the frames with spans of the trace with {@code key}, ascending. */
    abstract int[] traceFrames(Reader reader, long key) throws IOException;

    /** False if no span of it surely has the attribute whose {@link Hashes#attribute} is {@code hash}. */
    abstract boolean mayHoldAttribute(Reader reader, long hash) throws IOException;
}
