package dev.vigil.logging.store;

import dev.vigil.storage.BlockBuilder;
import dev.vigil.storage.Segment;
import java.util.Arrays;

/**
 * The index of the block being written in the active segment: its frames, time range, counts by severity,
 * resources, and a full-size Bloom filter. Guarded by the store's append lock; searches see it through
 * {@link #view}.
 */
final class OpenBlock extends BlockBuilder<FrameInfo, BlockView> {

    /** The filter; later views share it, so a new block gets a new one. */
    final long[] filter = Tokens.newFilter();
    FrameInfo[] frames = new FrameInfo[16];
    int frameCount;
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    int count;
    final long[] severityCounts = new long[Format.SEVERITIES];
    int[] resourceIds = new int[4];
    int resourceCount;
    /** The sequence number after its last record. */
    long nextSeq;
    private int[] viewResources = new int[0];

    /**
     * Adds a written frame: its summary, and the tokens of its records ({@code raw}, with bodies from
     * {@code bodiesStart} to {@code bodiesEnd}, and the hashes of whole values).
     */
    void add(FrameInfo frame, byte[] raw, int bodiesStart, int bodiesEnd, long[] exact, int exactCount) {
        count(frame);
        if (frameCount == frames.length) {
            frames = Arrays.copyOf(frames, frameCount * 2);
        }
        frames[frameCount++] = frame;
        minTime = Math.min(minTime, frame.minTime());
        maxTime = Math.max(maxTime, frame.maxTime());
        count += frame.count();
        for (int s = 0; s < Format.SEVERITIES; s++) {
            severityCounts[s] += frame.severityCounts()[s];
        }
        for (int id : frame.resourceIds()) {
            addResource(id);
        }
        nextSeq = frame.firstSeq() + frame.count();
        // runs across two bodies add a few bits that match nothing; harmless, and one pass is faster
        Tokens.addGrams(filter, raw, bodiesStart, bodiesEnd);
        for (int k = 0; k < exactCount; k++) {
            Tokens.addExact(filter, exact[k]);
        }
    }

    private void addResource(int id) {
        for (int k = 0; k < resourceCount; k++) {
            if (resourceIds[k] == id) {
                return;
            }
        }
        if (resourceCount == resourceIds.length) {
            resourceIds = Arrays.copyOf(resourceIds, resourceCount * 2);
        }
        resourceIds[resourceCount++] = id;
    }

    /** A snapshot for searches. */
    @Override
    public HeadBlock view(Segment<BlockView> segment) {
        if (viewResources.length != resourceCount) {
            viewResources = Arrays.copyOf(resourceIds, resourceCount);
        }
        return new HeadBlock(segment, minTime, maxTime, count, severityCounts.clone(), viewResources, frames, frameCount,
                filter);
    }
}
