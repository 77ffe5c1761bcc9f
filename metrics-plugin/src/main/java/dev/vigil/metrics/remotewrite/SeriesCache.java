package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The series a receiver has stored before, by the encoded label fields of their {@code TimeSeries}: senders
 * repeat those bytes in every request, so a series seen before needs neither its strings decoded and checked
 * nor its labels hashed and compared again; the store's reference and the very {@link Labels} it holds let
 * it find the series at once. Bounded: once full it starts over. Thread-safe.
 */
final class SeriesCache {

    // sized for tens of thousands of series up front: growing a large map copies it, and stalls requests
    private final ConcurrentHashMap<Entry, Entry> entries = new ConcurrentHashMap<>(1 << 16);
    private final int maxEntries;

    /** A cache of at most {@code maxEntries} series. */
    SeriesCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** What is known of the series encoded as {@code buffer[from..to)}, or null. */
    @Nullable Entry get(byte[] buffer, int from, int to) {
        return entries.get(new Entry(buffer, from, to, hash(buffer, from, to), null, 0));
    }

    /** Remembers that the series encoded as {@code buffer[from..to)} has these labels and this reference. */
    void put(byte[] buffer, int from, int to, Labels labels, long ref) {
        requireNonNull(labels, "labels is null");
        if (entries.size() >= maxEntries) {
            // series come and go; starting over is cheaper than tracking which are still sent
            entries.clear();
        }
        Entry entry = new Entry(Arrays.copyOfRange(buffer, from, to), 0, to - from, hash(buffer, from, to), labels, ref);
        entries.put(entry, entry);
    }

    /** How many series it holds. */
    int size() {
        return entries.size();
    }

    private static int hash(byte[] buffer, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buffer[i];
        }
        return h;
    }

    /**
     * A series stored before, keyed by the bytes of its label fields: a copy when stored, a view of the
     * request (without labels) when looked up. One object for key and value keeps the cache small.
     */
    static final class Entry {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;
        private final @Nullable Labels labels;
        private final long ref;

        private Entry(byte[] bytes, int from, int to, int hash, @Nullable Labels labels, long ref) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.hash = hash;
            this.labels = labels;
            this.ref = ref;
        }

        /** The labels the store was given, which it keeps. */
        Labels labels() {
            return requireNonNull(labels, "a lookup key has no labels");
        }

        /** The store's reference for the series. */
        long ref() {
            return ref;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Entry other && hash == other.hash
                    && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
