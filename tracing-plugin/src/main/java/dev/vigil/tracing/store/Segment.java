package dev.vigil.tracing.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment file and what the store knows of it: its sealed blocks, size, start-time range, and the resources and
 * operations it has a definition frame for. Queries hold a reference while they read it; a segment that retention
 * drops is closed and deleted once the last reference is given back. Thread-safe: the fields that change are written
 * under the store's append lock and read through volatile fields.
 */
final class Segment {

    private static final Logger LOG = LoggerFactory.getLogger(Segment.class);

    final long number;
    final SegmentFile file;
    /** When it was started, by the store's clock. */
    final long createdMillis;
    final Set<Integer> resources = ConcurrentHashMap.newKeySet();
    final Set<Integer> operations = ConcurrentHashMap.newKeySet();

    volatile long size;
    volatile SealedBlock[] sealed = new SealedBlock[0];
    volatile long minStart = Long.MAX_VALUE;
    volatile long maxStart = Long.MIN_VALUE;
    volatile long spans;

    /** One for the store, one for each query reading it. */
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile boolean dropped;

    Segment(long number, SegmentFile file, long createdMillis, long size) {
        this.number = number;
        this.file = file;
        this.createdMillis = createdMillis;
        this.size = size;
    }

    static String fileName(long number) {
        return String.format("%010d.seg", number);
    }

    /** The segment number in a file name, or -1 if it is not a segment's. */
    static long numberOf(Path file) {
        String name = file.getFileName().toString();
        if (name.length() != 14 || !name.endsWith(".seg")) {
            return -1;
        }
        for (int i = 0; i < 10; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(name.substring(0, 10));
    }

    /** Adds a sealed block. Under the append lock. */
    void addSealed(SealedBlock block) {
        SealedBlock[] blocks = Arrays.copyOf(sealed, sealed.length + 1);
        blocks[blocks.length - 1] = block;
        sealed = blocks;
    }

    /** Widens the start range and count by a frame's. Under the append lock. */
    void addSpans(long min, long max, long count) {
        if (min < minStart) {
            minStart = min;
        }
        if (max > maxStart) {
            maxStart = max;
        }
        spans += count;
    }

    /** Takes a reference for reading; false if the segment is already gone. */
    boolean retain() {
        while (true) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the file and, if the segment was dropped, deletes it. */
    void release() {
        if (refs.decrementAndGet() != 0) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("Trace store: could not close {}: {}", file.path(), e.toString());
        }
        if (dropped) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                LOG.warn("Trace store: could not delete {}: {}", file.path(), e.toString());
            }
        }
    }

    /** Gives up the store's reference so that the file is deleted once no query reads it. */
    void drop() {
        dropped = true;
        release();
    }

    /** Gives up the store's reference and keeps the file, when the store closes. */
    void closeFile() {
        release();
    }
}
