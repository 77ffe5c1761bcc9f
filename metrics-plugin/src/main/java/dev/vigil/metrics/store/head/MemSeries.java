package dev.vigil.metrics.store.head;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.store.chunk.Chunk;
import dev.vigil.metrics.store.chunk.ChunkBytes;
import dev.vigil.metrics.store.chunk.XorEncoder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One series in the head: its id and labels, its newest committed sample, and its in-memory chunks.
 *
 * <p>The committed fields ({@link #committedTime}, {@link #committedBits}, {@link #logged}, {@link #mark})
 * are changed only under the store's log lock, so that the order of checks matches the order of the log;
 * appenders read them without it as a first check. The chunks are guarded by this object's monitor.
 */
public final class MemSeries {

    private static final VarHandle ACTIVE;

    static {
        try {
            ACTIVE = MethodHandles.lookup().findVarHandle(MemSeries.class, "active", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Samples per chunk before a new one is started. */
    public static final int SAMPLES_PER_CHUNK = 120;

    private final int id;
    private final Labels labels;

    /** The timestamp of the newest committed sample, or {@link Long#MIN_VALUE}. */
    public volatile long committedTime = Long.MIN_VALUE;
    /** The value bits of the newest committed sample. */
    public volatile long committedBits;
    /** Whether the series log holds this series. */
    public volatile boolean logged;
    /** The commit that last touched this series, for the checks of one commit. */
    public long mark;
    /** Whether the registry has forgotten this series; set under the store's log lock. */
    public volatile boolean removed;

    // whether the series counts towards its metric's limit; flipped only by the registry, by compare-and-set
    @SuppressWarnings("unused")
    private volatile boolean active;

    // most series never close a chunk before they leave the head, so the list is made on the first one
    private List<ChunkBytes> closed = List.of();
    private @Nullable XorEncoder open;

    /** A series without samples. */
    public MemSeries(int id, Labels labels) {
        this.id = id;
        this.labels = requireNonNull(labels, "labels is null");
    }

    /** The id, stable across restarts. */
    public int id() {
        return id;
    }

    /** The labels. */
    public Labels labels() {
        return labels;
    }

    /** Whether the series counts towards its metric's series limit. */
    public boolean isActive() {
        return active;
    }

    /** Sets whether the series counts; true when it changed. */
    boolean setActive(boolean from, boolean to) {
        return ACTIVE.compareAndSet(this, from, to);
    }

    /**
     * Adds a sample that is newer than every sample in the chunks. A chunk never spans two block ranges,
     * so that the head can hand whole chunks to a block.
     */
    public synchronized void append(long timestamp, long valueBits, long blockMillis) {
        XorEncoder chunk = open;
        if (chunk != null && (chunk.count() >= SAMPLES_PER_CHUNK
                || Math.floorDiv(chunk.minTime(), blockMillis) != Math.floorDiv(timestamp, blockMillis))) {
            close(chunk);
            chunk = null;
        }
        if (chunk == null) {
            chunk = new XorEncoder();
            open = chunk;
        }
        chunk.append(timestamp, valueBits);
    }

    private void close(XorEncoder chunk) {
        if (closed.isEmpty()) {
            closed = new ArrayList<>(2);
        }
        closed.add(ChunkBytes.of(chunk));
    }

    /**
     * The chunks that overlap {@code minTime..maxTime}, in time order; the open one is copied so that the
     * caller can read it while samples are added.
     */
    public synchronized void chunks(long minTime, long maxTime, List<Chunk> out) {
        for (ChunkBytes chunk : closed) {
            if (chunk.maxTime() >= minTime && chunk.minTime() <= maxTime) {
                out.add(chunk);
            }
        }
        XorEncoder chunk = open;
        if (chunk != null && chunk.count() > 0 && chunk.maxTime() >= minTime && chunk.minTime() <= maxTime) {
            out.add(ChunkBytes.of(chunk));
        }
    }

    /** Closes the open chunk and hands every chunk that ends before {@code before} to {@code out}. */
    public synchronized void chunksBefore(long before, List<ChunkBytes> out) {
        XorEncoder chunk = open;
        if (chunk != null && chunk.count() > 0 && chunk.maxTime() < before) {
            close(chunk);
            open = null;
        }
        for (ChunkBytes c : closed) {
            if (c.maxTime() < before) {
                out.add(c);
            }
        }
    }

    /**
     * Drops the chunks that end before {@code before}.
     *
     * @return how many samples were dropped
     */
    public synchronized long truncateBefore(long before) {
        long dropped = 0;
        XorEncoder chunk = open;
        if (chunk != null && chunk.count() > 0 && chunk.maxTime() < before) {
            dropped += chunk.count();
            open = null;
        }
        int keepFrom = 0;
        while (keepFrom < closed.size() && closed.get(keepFrom).maxTime() < before) {
            dropped += closed.get(keepFrom).count();
            keepFrom++;
        }
        if (keepFrom > 0) {
            closed.subList(0, keepFrom).clear();
        }
        return dropped;
    }

    /** The oldest timestamp in the chunks, or {@link Long#MAX_VALUE} when there are none. */
    public synchronized long minTime() {
        if (!closed.isEmpty()) {
            return closed.get(0).minTime();
        }
        XorEncoder chunk = open;
        return chunk != null && chunk.count() > 0 ? chunk.minTime() : Long.MAX_VALUE;
    }

    /** Whether the head holds no samples of this series. */
    public synchronized boolean isEmpty() {
        return closed.isEmpty() && (open == null || open.count() == 0);
    }
}
