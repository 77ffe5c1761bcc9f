package dev.vigil.storage;

import java.util.Arrays;

/**
 * A growable list of {@code long}s without boxing, such as the hashes a block's filter is built from. Not thread-safe.
 */
public final class LongList {

    private long[] values;
    private int size;

    /** An empty list with room for {@code capacity} values before it grows. */
    public LongList(int capacity) {
        this.values = new long[Math.max(1, capacity)];
    }

    /** Appends {@code value}. */
    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Forgets the values, keeping the room. */
    public void clear() {
        size = 0;
    }

    /** How many values it holds. */
    public int size() {
        return size;
    }

    /** The values are {@code array()[0, size())}; valid until the next {@link #add}. */
    public long[] array() {
        return values;
    }

    /** The room it has, in values. */
    public int capacity() {
        return values.length;
    }
}
