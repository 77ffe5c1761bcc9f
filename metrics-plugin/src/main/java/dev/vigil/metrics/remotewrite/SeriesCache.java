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

    /**
     * What is known of the series encoded as {@code buffer[from..to)}, or null.
     *
     * @param probe the caller's own lookup key, reused from call to call
     */
    @Nullable Entry get(Probe probe, byte[] buffer, int from, int to) {
        return entries.get(probe.set(buffer, from, to, hash(buffer, from, to)));
    }

    /** Remembers that the series encoded as {@code buffer[from..to)} has these labels and this reference. */
    void put(byte[] buffer, int from, int to, Labels labels, long ref) {
        requireNonNull(labels, "labels is null");
        if (entries.size() >= maxEntries) {
            // series come and go; starting over is cheaper than tracking which are still sent
            entries.clear();
        }
        Entry entry = new Entry(Arrays.copyOfRange(buffer, from, to), hash(buffer, from, to), labels, ref);
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

    /** A range of bytes and its hash; equal to any other key over the same bytes. */
    abstract static class Key {
        byte[] bytes = new byte[0];
        int from;
        int to;
        int hash;

        @Override
        public final boolean equals(@Nullable Object o) {
            return o instanceof Key other && hash == other.hash
                    && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
        }

        @Override
        public final int hashCode() {
            return hash;
        }
    }

    /**
     * A series stored before, keyed by a copy of the bytes of its label fields. One object for key and value
     * keeps the cache small.
     */
    static final class Entry extends Key {
        private final Labels labels;
        private final long ref;

        private Entry(byte[] bytes, int hash, Labels labels, long ref) {
            this.bytes = bytes;
            this.to = bytes.length;
            this.hash = hash;
            this.labels = labels;
            this.ref = ref;
        }

        /** The labels the store was given, which it keeps. */
        Labels labels() {
            return labels;
        }

        /** The store's reference for the series. */
        long ref() {
            return ref;
        }
    }

    /**
     * A lookup key over a request's bytes, which one decoder reuses so that a lookup allocates nothing. Never
     * stored in the cache.
     */
    static final class Probe extends Key {

        /** An empty probe. */
        Probe() {}

        Probe set(byte[] buffer, int from, int to, int hash) {
            this.bytes = buffer;
            this.from = from;
            this.to = to;
            this.hash = hash;
            return this;
        }
    }
}
