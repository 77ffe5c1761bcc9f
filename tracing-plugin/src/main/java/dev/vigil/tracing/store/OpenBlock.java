package dev.vigil.tracing.store;

import dev.vigil.storage.BlockBuilder;
import dev.vigil.storage.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index of the block being written in the active segment: its frames, start range, counts, resources, operations,
 * the frames each trace has spans in, and a full-size attribute filter. Guarded by the store's append lock; queries see
 * it through {@link #view}.
 */
final class OpenBlock extends BlockBuilder<FrameInfo, BlockView> {

    FrameInfo[] frames = new FrameInfo[16];
    int frameCount;
    long minStart = Long.MAX_VALUE;
    long maxStart = Long.MIN_VALUE;
    int count;
    int errors;
    long minDuration = Long.MAX_VALUE;
    long maxDuration = Long.MIN_VALUE;
    int[] resourceIds = new int[4];
    int resourceCount;
    /** The builders of its operations, in the order they first came, and by operation id. */
    final List<OpStats.Builder> operations = new ArrayList<>();
    private OpStats.Builder[] byOperation = new OpStats.Builder[64];
    /** Trace key to the ascending indexes of its frames. Read by queries while appends add to it. */
    final ConcurrentHashMap<Long, int[]> traces = new ConcurrentHashMap<>();
    /** Shared with the views, so a new block gets a new one. */
    final long[] attributes = new long[Bloom.OPEN_WORDS];
    private long[] keys = new long[128];
    private int[] viewResources = new int[0];

    /** Adds a written frame: its header, its spans (for operations and traces), and its attribute hashes. */
    void add(FrameInfo frame, FrameSpans spans, long[] attributeHashes, int attributeCount) {
        count(frame);
        if (frameCount == frames.length) {
            frames = Arrays.copyOf(frames, frameCount * 2);
        }
        int index = frameCount;
        frames[frameCount++] = frame;
        minStart = Math.min(minStart, frame.minStart());
        maxStart = Math.max(maxStart, frame.maxStart());
        minDuration = Math.min(minDuration, frame.minDuration());
        maxDuration = Math.max(maxDuration, frame.maxDuration());
        count += frame.count();
        errors += frame.errors();
        for (int id : frame.resourceIds()) {
            addResource(id);
        }
        int n = spans.n;
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            long start = spans.start(i);
            builder(spans.operation(i)).add(start, spans.end(i) - start, spans.isError(i));
            keys[i] = spans.traceKey(i);
        }
        Arrays.sort(keys, 0, n);
        for (int i = 0; i < n; i++) {
            if (i > 0 && keys[i] == keys[i - 1]) {
                continue;
            }
            int[] before = traces.get(keys[i]);
            if (before == null) {
                traces.put(keys[i], new int[] {index});
            } else if (before[before.length - 1] != index) {
                int[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = index;
                traces.put(keys[i], after);
            }
        }
        for (int k = 0; k < attributeCount; k++) {
            Bloom.add(attributes, attributeHashes[k]);
        }
    }

    private OpStats.Builder builder(int operation) {
        if (operation >= byOperation.length) {
            byOperation = Arrays.copyOf(byOperation, Math.max(operation + 1, byOperation.length * 2));
        }
        OpStats.Builder b = byOperation[operation];
        if (b == null) {
            b = new OpStats.Builder(operation);
            byOperation[operation] = b;
            operations.add(b);
        }
        return b;
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

    /** Its operations as they stand. */
    OpStats[] operationStats() {
        OpStats[] out = new OpStats[operations.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = operations.get(k).build();
        }
        return out;
    }

    /** A snapshot for queries. */
    @Override
    public HeadBlock view(Segment<BlockView> segment) {
        if (viewResources.length != resourceCount) {
            viewResources = Arrays.copyOf(resourceIds, resourceCount);
        }
        return new HeadBlock(segment, minStart, maxStart, count, errors, minDuration, maxDuration, viewResources,
                operationStats(), frames, frameCount, traces, attributes);
    }
}
