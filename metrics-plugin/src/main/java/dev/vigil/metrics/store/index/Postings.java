package dev.vigil.metrics.store.index;

import java.util.Arrays;
import java.util.List;

/** Set operations on sorted arrays of series ids. */
public final class Postings {

    private Postings() {}

    /** The ids in both. */
    public static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The ids of {@code a} that are not in {@code b}. */
    public static int[] subtract(int[] a, int[] b) {
        int[] out = new int[a.length];
        int j = 0;
        int n = 0;
        for (int id : a) {
            while (j < b.length && b[j] < id) {
                j++;
            }
            if (j >= b.length || b[j] != id) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The ids in any of {@code lists}. */
    public static int[] union(List<int[]> lists) {
        if (lists.isEmpty()) {
            return new int[0];
        }
        if (lists.size() == 1) {
            return lists.get(0);
        }
        int total = 0;
        for (int[] list : lists) {
            total += list.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] list : lists) {
            System.arraycopy(list, 0, all, at, list.length);
            at += list.length;
        }
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[n - 1] != all[i]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }
}
