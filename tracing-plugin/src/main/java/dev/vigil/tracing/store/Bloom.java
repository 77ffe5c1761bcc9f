package dev.vigil.tracing.store;

/**
 * Blocked Bloom filters: a key sets three bits of one 64-bit word, so a test costs one word (one read when the filter
 * is on disk). The word is chosen by the hash's upper half, the bits by its lowest 18 bits. The number of words is a
 * power of two, so a filter folds in halves (word {@code i} of the half is word {@code i} or word {@code i + half} of
 * the whole): a block's attribute filter is built large while it is open and folded when it is sealed.
 */
final class Bloom {

    /** Bits per key of a filter sized for its keys: about 0.5% false positives. */
    static final int BITS_PER_KEY = 16;
    /** Words of the filter an open block builds: 2 MiBit. */
    static final int OPEN_WORDS = 1 << 15;
    /** The share of bits a folded filter may have set. */
    static final double MAX_FILL = 0.2;

    private Bloom() {}

    /** An empty filter for {@code keys} keys. */
    static long[] forKeys(int keys) {
        long needed = Math.min(1 << 26, ((long) keys * BITS_PER_KEY + 63) / 64);
        return new long[needed <= 1 ? 1 : Integer.highestOneBit((int) needed - 1) << 1];
    }

    static int word(long hash, int words) {
        return (int) (hash >>> 32) & (words - 1);
    }

    static long mask(long hash) {
        return 1L << hash | 1L << (hash >>> 6) | 1L << (hash >>> 12);
    }

    static void add(long[] filter, long hash) {
        filter[word(hash, filter.length)] |= mask(hash);
    }

    static boolean mightContain(long[] filter, long hash) {
        long m = mask(hash);
        return (filter[word(hash, filter.length)] & m) == m;
    }

    /** The smallest fold of {@code filter} with at most {@link #MAX_FILL} of its bits set, at least one word. */
    static long[] fold(long[] filter) {
        long[] best = filter;
        while (best.length > 1) {
            int half = best.length / 2;
            long[] folded = new long[half];
            long set = 0;
            for (int i = 0; i < half; i++) {
                folded[i] = best[i] | best[i + half];
                set += Long.bitCount(folded[i]);
            }
            if (set > MAX_FILL * half * 64) {
                break;
            }
            best = folded;
        }
        return best;
    }
}
