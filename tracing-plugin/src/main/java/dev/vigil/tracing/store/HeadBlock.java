package dev.vigil.tracing.store;

import dev.vigil.storage.Segment;
import java.util.Arrays;
import java.util.Map;

/**
 * A snapshot of the block being written: the frames and operation counts when it was taken, and the block's live
 * trace index and attribute filter. Later appends only add to those, and what they add for frames past the snapshot
 * is ignored or costs at most a frame read that finds nothing; what the snapshot's frames put there was put before
 * the snapshot was published, so nothing is missed. Immutable apart from the live parts.
 */
final class HeadBlock extends BlockView {

    private final FrameInfo[] frames;
    private final int frameCount;
    private final Map<Long, int[]> traces;
    private final long[] attributes;

    HeadBlock(Segment<BlockView> segment, long minStart, long maxStart, int count, int errors, long minDuration,
            long maxDuration, int[] resourceIds, OpStats[] operations, FrameInfo[] frames, int frameCount,
            Map<Long, int[]> traces, long[] attributes) {
        super(segment, minStart, maxStart, count, errors, minDuration, maxDuration, resourceIds, operations);
        this.frames = frames;
        this.frameCount = frameCount;
        this.traces = traces;
        this.attributes = attributes;
    }

    @Override
    FrameInfo[] frames(Reader reader) {
        return Arrays.copyOf(frames, frameCount);
    }

    @Override
    boolean mayHoldTrace(long key) {
        return traces.containsKey(key);
    }

    @Override
    int[] traceFrames(Reader reader, long key) {
        int[] all = traces.get(key);
        if (all == null) {
            return new int[0];
        }
        int n = 0;
        while (n < all.length && all[n] < frameCount) {
            n++;
        }
        return n == all.length ? all : Arrays.copyOf(all, n);
    }

    @Override
    boolean mayHoldAttribute(Reader reader, long hash) {
        return Bloom.mightContain(attributes, hash);
    }
}
