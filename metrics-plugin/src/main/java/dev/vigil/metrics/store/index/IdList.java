package dev.vigil.metrics.store.index;

import java.util.Arrays;

/** A growable sorted set of series ids. Thread-safe; readers get a copy. */
final class IdList {

    // most label values name one series (an id, a path), so a list starts with room for one
    private int[] ids = new int[1];
    private int size;

    synchronized void add(int id) {
        // ids mostly arrive in increasing order, so the search and the shift are short
        int at = size == 0 || ids[size - 1] < id ? -(size + 1) : Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            return;
        }
        int insert = -(at + 1);
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        System.arraycopy(ids, insert, ids, insert + 1, size - insert);
        ids[insert] = id;
        size++;
    }

    synchronized boolean remove(int id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            System.arraycopy(ids, at + 1, ids, at, size - at - 1);
            size--;
        }
        return size == 0;
    }

    synchronized int[] toArray() {
        return Arrays.copyOf(ids, size);
    }
}
