package dev.vigil.logging.redact;

import java.util.Arrays;

/**
 * The parts of one text to replace, collected by the detectors of one {@link Redactor#mask} call. Detectors run in
 * priority order, so among parts that start at the same place the first added wins; parts that overlap are merged so
 * that everything any rule found is masked. Not thread-safe: one per call.
 */
final class Matches {

    private int[] starts = new int[0];
    private int[] ends = new int[0];
    private String[] replacements = new String[0];
    private int size;

    /** Replaces {@code text[start, end)} with {@code replacement}. */
    void add(int start, int end, String replacement) {
        if (end <= start) {
            return;
        }
        if (size == starts.length) {
            int capacity = Math.max(4, size * 2);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            replacements = Arrays.copyOf(replacements, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        replacements[size] = replacement;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** {@code text} with the parts replaced; the first of overlapping parts gives the replacement of their union. */
    String apply(String text) {
        int[] order = byStart();
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        int k = 0;
        while (k < size) {
            int first = order[k++];
            int start = starts[first];
            int end = ends[first];
            while (k < size && starts[order[k]] < end) {
                end = Math.max(end, ends[order[k]]);
                k++;
            }
            out.append(text, written, start).append(replacements[first]);
            written = end;
        }
        return out.append(text, written, text.length()).toString();
    }

    /** Indexes in order of start, ties in the order added. */
    private int[] byStart() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (long) starts[i] << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
