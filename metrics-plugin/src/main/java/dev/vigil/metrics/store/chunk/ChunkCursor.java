package dev.vigil.metrics.store.chunk;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.SampleCursor;
import java.util.List;

/**
 * Reads the samples of a series from its chunks, which must be in time order and not overlap, keeping
 * those from {@code minTime} to {@code maxTime}. Decodes each chunk in place, so it allocates nothing per
 * sample. One thread at a time.
 */
public final class ChunkCursor implements SampleCursor {

    private final List<? extends Chunk> chunks;
    private final XorDecoder decoder = new XorDecoder();
    private final long maxTime;
    private long minTime;
    private int chunkIndex = -1;
    private boolean inChunk;
    private boolean positioned;
    private boolean exhausted;
    private long time;
    private long bits;

    /**
     * A cursor before the first sample.
     *
     * @param chunks the chunks, in time order
     * @param minTime the oldest timestamp to return
     * @param maxTime the newest timestamp to return
     */
    public ChunkCursor(List<? extends Chunk> chunks, long minTime, long maxTime) {
        this.chunks = requireNonNull(chunks, "chunks is null");
        this.minTime = minTime;
        this.maxTime = maxTime;
    }

    @Override
    public boolean next() {
        if (exhausted) {
            return false;
        }
        while (true) {
            if (inChunk) {
                while (decoder.next()) {
                    long t = decoder.timestamp();
                    if (t < minTime) {
                        continue;
                    }
                    if (t > maxTime) {
                        return finish();
                    }
                    time = t;
                    bits = decoder.valueBits();
                    positioned = true;
                    return true;
                }
                inChunk = false;
            }
            if (!openNextChunk()) {
                return finish();
            }
        }
    }

    private boolean openNextChunk() {
        while (++chunkIndex < chunks.size()) {
            Chunk chunk = chunks.get(chunkIndex);
            if (chunk.maxTime() < minTime) {
                continue;
            }
            if (chunk.minTime() > maxTime) {
                return false;
            }
            decoder.reset(chunk.bytes(), chunk.count());
            inChunk = true;
            return true;
        }
        return false;
    }

    private boolean finish() {
        exhausted = true;
        positioned = false;
        return false;
    }

    @Override
    public boolean seek(long timestamp) {
        if (positioned && time >= timestamp) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        if (timestamp > minTime) {
            minTime = timestamp;
            if (inChunk && chunks.get(chunkIndex).maxTime() < timestamp) {
                inChunk = false;
            }
        }
        return next();
    }

    @Override
    public long timestamp() {
        return time;
    }

    @Override
    public double value() {
        return Double.longBitsToDouble(bits);
    }

    /** Whether there is at least one sample in the range; moves the cursor, so use a fresh one. */
    public boolean hasAny() {
        return next();
    }
}
