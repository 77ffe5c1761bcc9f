package dev.vigil.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment file and what the store knows of it: its sealed blocks, size, time range, item count and the
 * definitions it holds. Readers hold a reference while they read it (see {@link StoreView#retain()}); a segment that
 * retention drops is closed and deleted once the last reference is given back.
 *
 * <p>Items are numbered in storage order when the format is {@link SegmentFormat#sequenced() sequenced}: the first
 * item of a segment has the {@link #sequence()} in its header, and each item the number after the one before it.
 *
 * <p>Thread-safe: what changes is changed under the store's append lock and read through volatile fields.
 *
 * @param <B> the store's block type
 */
public final class Segment<B extends Block> {

    private static final Logger LOG = LoggerFactory.getLogger(Segment.class);

    private final SegmentFormat format;
    private final long number;
    private final SegmentFile file;
    private final long sequence;
    private final long createdMillis;
    /** {@code type << 32 | id} of each definition frame it holds. */
    private final Set<Long> definitions = ConcurrentHashMap.newKeySet();

    private volatile long size;
    private volatile List<B> blocks = List.of();
    private volatile long minTime = Long.MAX_VALUE;
    private volatile long maxTime = Long.MIN_VALUE;
    private volatile long items;

    /** One for the store, one for each reader holding it. */
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile boolean dropped;

    Segment(SegmentFormat format, long number, SegmentFile file, long sequence, long createdMillis, long size) {
        this.format = format;
        this.number = number;
        this.file = file;
        this.sequence = sequence;
        this.createdMillis = createdMillis;
        this.size = size;
    }

    /** The name of segment {@code number}'s file: the number in ten digits, then {@code .seg}. */
    public static String fileName(long number) {
        return String.format("%010d.seg", number);
    }

    /** The segment number in a file name, or -1 if it is not a segment's. */
    public static long numberOf(Path file) {
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

    /** Its number: segments are written in the order of their numbers, from 1. */
    public long number() {
        return number;
    }

    /** Its file, which readers read frames from. */
    public SegmentFile file() {
        return file;
    }

    /** The sequence number of its first item; 0 when the format is not sequenced. */
    public long sequence() {
        return sequence;
    }

    /** The sequence number the next item appended to it gets. */
    public long nextSequence() {
        return sequence + items;
    }

    /** When it was started, by the store's clock, in milliseconds since the epoch. */
    public long createdMillis() {
        return createdMillis;
    }

    /** Its length in bytes. */
    public long size() {
        return size;
    }

    /** Its sealed blocks, in the order they were written; an immutable snapshot. */
    public List<B> blocks() {
        return blocks;
    }

    /** The earliest time of its items; {@link Long#MAX_VALUE} while it has none. */
    public long minTime() {
        return minTime;
    }

    /** The latest time of its items; {@link Long#MIN_VALUE} while it has none. */
    public long maxTime() {
        return maxTime;
    }

    /** How many items it holds. */
    public long items() {
        return items;
    }

    /** Whether it holds a definition frame of {@code type} with {@code id}. */
    public boolean defines(byte type, int id) {
        return definitions.contains(key(type, id));
    }

    private static long key(byte type, int id) {
        return (long) type << 32 | (id & 0xFFFF_FFFFL);
    }

    void addDefinition(byte type, int id) {
        definitions.add(key(type, id));
    }

    void size(long bytes) {
        size = bytes;
    }

    void addBlock(B block) {
        List<B> more = new ArrayList<>(blocks.size() + 1);
        more.addAll(blocks);
        more.add(block);
        blocks = List.copyOf(more);
    }

    /** Widens the time range and count by a frame's or a block's. */
    void addItems(long min, long max, long count) {
        if (min < minTime) {
            minTime = min;
        }
        if (max > maxTime) {
            maxTime = max;
        }
        items += count;
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
            LOG.warn("{}: could not close {}: {}", format.title(), file.path(), e.toString());
        }
        if (dropped) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                LOG.warn("{}: could not delete {}: {}", format.title(), file.path(), e.toString());
            }
        }
    }

    /** Gives up the store's reference so that the file is deleted once no reader holds it. */
    void drop() {
        dropped = true;
        release();
    }

    /** Gives up the store's reference and keeps the file, when the store closes. */
    void closeFile() {
        release();
    }
}
