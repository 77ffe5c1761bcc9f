package dev.vigil.metrics.store;

import dev.vigil.metrics.store.head.MemSeries;
import dev.vigil.metrics.store.wal.RecordBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The arrays one appender fills and its commit works in. A store keeps a few of them for the next appenders,
 * so that a steady stream of batches does not grow new arrays from small for each one. Not thread-safe;
 * {@link Pool} is.
 */
final class AppendBuffers {

    /** Batches larger than this give their arrays up rather than keep them for the next appender. */
    private static final int MAX_KEPT = 1 << 16;

    MemSeries[] series = new MemSeries[64];
    long[] times = new long[64];
    long[] bits = new long[64];
    final BatchSlots slots = new BatchSlots();
    final RecordBuffer samples = new RecordBuffer();
    int[] ids = new int[0];
    boolean[] keep = new boolean[0];
    long[] savedTime = new long[0];
    long[] savedBits = new long[0];

    /** Room for at least {@code capacity} samples in the batch arrays. */
    void grow(int capacity) {
        series = Arrays.copyOf(series, capacity);
        times = Arrays.copyOf(times, capacity);
        bits = Arrays.copyOf(bits, capacity);
    }

    /** Cleared commit arrays for {@code size} samples. */
    void commitArrays(int size) {
        if (ids.length < size) {
            ids = new int[series.length];
            keep = new boolean[series.length];
            savedTime = new long[series.length];
            savedBits = new long[series.length];
        } else {
            Arrays.fill(keep, 0, size, false);
        }
    }

    /** A few buffers kept for the next appenders. Thread-safe. */
    static final class Pool {
        private final AtomicReferenceArray<@Nullable AppendBuffers> free = new AtomicReferenceArray<>(8);

        /** Kept buffers, or new ones. */
        AppendBuffers take() {
            for (int i = 0; i < free.length(); i++) {
                AppendBuffers buffers = free.get(i);
                if (buffers != null && free.compareAndSet(i, buffers, null)) {
                    return buffers;
                }
            }
            return new AppendBuffers();
        }

        /** Keeps {@code buffers}, which held {@code size} samples, unless there are enough kept already. */
        void give(AppendBuffers buffers, int size) {
            if (buffers.series.length > MAX_KEPT) {
                return;
            }
            // the series stay reachable from the arrays otherwise, and the slots must start empty
            Arrays.fill(buffers.series, 0, size, null);
            buffers.slots.clear();
            for (int i = 0; i < free.length(); i++) {
                if (free.get(i) == null && free.compareAndSet(i, null, buffers)) {
                    return;
                }
            }
        }
    }
}
