package dev.vigil.logging.store;

import dev.vigil.storage.Segment;
import java.util.Arrays;

/**
 * A snapshot of the block being written: the frames written when it was taken, and the block's live Bloom filter.
 * Later appends only set more bits in the filter, which a search may or may not see; that costs at most a frame read
 * that finds nothing, never a record missed, since the bits of the frames in the snapshot were set before it was
 * published. Immutable apart from the filter.
 */
final class HeadBlock extends BlockView {

    private final FrameInfo[] frames;
    private final int frameCount;
    private final long[] filter;

    HeadBlock(Segment<BlockView> segment, long minTime, long maxTime, long count, long[] severityCounts, int[] resourceIds,
            FrameInfo[] frames, int frameCount, long[] filter) {
        super(segment, minTime, maxTime, count, severityCounts, resourceIds);
        this.frames = frames;
        this.frameCount = frameCount;
        this.filter = filter;
    }

    @Override
    FrameInfo[] frames(Reader reader) {
        return Arrays.copyOf(frames, frameCount);
    }

    @Override
    boolean bit(Reader reader, int probe) {
        return Tokens.isSet(filter, probe);
    }
}
