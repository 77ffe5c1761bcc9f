package dev.vigil.metrics.store;

import java.util.Arrays;

/** Where the newest sample of each series sits in one batch: series id to index, without boxing. */
final class BatchSlots {

    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int size;

    /** The index stored for {@code id}, or -1. Ids are positive, so 0 marks a free slot. */
    int get(int id) {
        int mask = keys.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == id) {
                return values[i];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    void put(int id, int index) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == id) {
                values[i] = index;
                return;
            }
            if (keys[i] == 0) {
                keys[i] = id;
                values[i] = index;
                size++;
                return;
            }
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    private static int mix(int id) {
        return id * 0x9E3779B9;
    }
}
