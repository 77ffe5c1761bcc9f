package dev.vigil.logging.store;

import dev.vigil.storage.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tokens of a block's Bloom filter, and the filter's bit arithmetic.
 *
 * <p>Bodies are indexed by every run of {@value #GRAM} consecutive bytes of their UTF-8 text, so that a search for any
 * text of at least that length (a substring, as LogQL's {@code |=} means) can rule out a block: a body that contains
 * the text contains each of its runs. Trace ids, logger names and attribute {@code name=value} pairs are indexed as
 * whole values, each with {@value #EXACT_PROBES} bits. A bit is the top bits of a multiplicative hash. A filter is
 * built with 2<sup>{@value #LOG2_BITS}</sup> bits while its block is open, and folded in halves when the block is
 * sealed (bit {@code p} of the full filter is bit {@code p >> (21 - k)} of a filter of {@code 2^k} bits), until it is
 * as small as it can be and still have at most a fifth of its bits set.
 */
final class Tokens {

    static final int GRAM = 4;
    static final int LOG2_BITS = 21;
    private static final int SHIFT = 32 - LOG2_BITS;
    /** The smallest sealed filter: 1024 bits. */
    static final int MIN_LOG2_BITS = 10;
    static final int EXACT_PROBES = 3;
    /** A search tests at most this many runs of its text: more add little once they all must be present. */
    static final int MAX_GRAM_PROBES = 16;
    static final double MAX_FILL = 0.2;

    private static final long TRACE = 0x7452414345L;
    private static final long SCOPE = 0x73434f5045L;
    private static final long ATTRIBUTE = 0x6174545249L;
    private static final long C1 = 0x9E3779B97F4A7C15L;
    private static final long C2 = 0xC2B2AE3D27D4EB4FL;

    private Tokens() {}

    /** A new filter for an open block. */
    static long[] newFilter() {
        return new long[1 << (LOG2_BITS - 6)];
    }

    /** Sets the bit of every run of {@value #GRAM} bytes of {@code b[from, to)}. */
    static void addGrams(long[] bits, byte[] b, int from, int to) {
        if (to - from < GRAM) {
            return;
        }
        int g = (b[from] & 0xFF) << 16 | (b[from + 1] & 0xFF) << 8 | (b[from + 2] & 0xFF);
        for (int i = from + 3; i < to; i++) {
            g = g << 8 | (b[i] & 0xFF);
            int p = gramProbe(g);
            bits[p >>> 6] |= 1L << p;
        }
    }

    private static int gramProbe(int gram) {
        return gram * 0x9E3779B1 >>> SHIFT;
    }

    /** Sets the bits of a whole value's hash. */
    static void addExact(long[] bits, long hash) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        for (int i = 0; i < EXACT_PROBES; i++) {
            int p = (h1 + i * h2) >>> SHIFT;
            bits[p >>> 6] |= 1L << p;
        }
    }

    /** The bits a search for a body containing {@code text} tests; empty when the text is too short to tell. */
    static int[] gramProbes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length < GRAM) {
            return new int[0];
        }
        int runs = b.length - GRAM + 1;
        int[] all = new int[runs];
        int g = (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[2] & 0xFF);
        for (int i = 3; i < b.length; i++) {
            g = g << 8 | (b[i] & 0xFF);
            all[i - 3] = gramProbe(g);
        }
        int[] distinct = Arrays.stream(all).distinct().toArray();
        if (distinct.length <= MAX_GRAM_PROBES) {
            return distinct;
        }
        // any subset is sound; spread the chosen runs over the whole text
        int[] some = new int[MAX_GRAM_PROBES];
        for (int i = 0; i < some.length; i++) {
            some[i] = distinct[(int) ((long) i * distinct.length / some.length)];
        }
        return some;
    }

    /** The bits of a whole value's hash. */
    static int[] exactProbes(long hash) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        int[] out = new int[EXACT_PROBES];
        for (int i = 0; i < EXACT_PROBES; i++) {
            out[i] = (h1 + i * h2) >>> SHIFT;
        }
        return out;
    }

    /** Whether bit {@code probe} (of a full filter) is set in a filter of {@code bits.length * 64} bits. */
    static boolean isSet(long[] bits, int probe) {
        int p = folded(probe, bits.length);
        return (bits[p >>> 6] & 1L << p) != 0;
    }

    /** Bit {@code probe} of a full filter in a filter of {@code words} words (a power of two). */
    static int folded(int probe, int words) {
        return probe >>> (LOG2_BITS - 6 - Integer.numberOfTrailingZeros(words));
    }

    /** The hash of a trace id's 16 bytes at {@code b[off]}. */
    static long traceHash(byte[] b, int off) {
        return hash(TRACE, b, off, 16);
    }

    /** The hash of a logger name's UTF-8 bytes. */
    static long scopeHash(byte[] b, int off, int len) {
        return hash(SCOPE, b, off, len);
    }

    /** The hash of an attribute's name and value, each as UTF-8 bytes. */
    static long attributeHash(byte[] b, int keyOff, int keyLen, int valueOff, int valueLen) {
        return hash(hash(ATTRIBUTE, b, keyOff, keyLen), b, valueOff, valueLen);
    }

    static long scopeHash(String scope) {
        byte[] b = scope.getBytes(StandardCharsets.UTF_8);
        return scopeHash(b, 0, b.length);
    }

    static long attributeHash(String name, String value) {
        byte[] k = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return hash(hash(ATTRIBUTE, k, 0, k.length), v, 0, v.length);
    }

    /** A 64-bit hash of {@code b[off, off + len)}, eight bytes at a time. */
    static long hash(long seed, byte[] b, int off, int len) {
        long h = seed ^ (len * C1);
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft(h ^ ((long) Bytes.LE_LONG.get(b, i) * C2), 31) * C1;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (b[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * C2), 31) * C1;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** The 32 bits whose bit {@code b} is set when bit {@code 2b} or {@code 2b + 1} of {@code w} is. */
    private static long pairs(long w) {
        long x = (w | w >>> 1) & 0x5555555555555555L;
        x = (x | x >>> 1) & 0x3333333333333333L;
        x = (x | x >>> 2) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | x >>> 4) & 0x00FF00FF00FF00FFL;
        x = (x | x >>> 8) & 0x0000FFFF0000FFFFL;
        return (x | x >>> 16) & 0x00000000FFFFFFFFL;
    }

    /**
     * The smallest fold of {@code bits} (a full filter of 2<sup>{@value #LOG2_BITS}</sup> bits) with at most
     * {@value #MAX_FILL} of its bits set, but not below 2<sup>{@value #MIN_LOG2_BITS}</sup> bits.
     */
    static long[] fold(long[] bits) {
        long[] best = bits;
        while (best.length > 1 << (MIN_LOG2_BITS - 6)) {
            int half = best.length / 2;
            long[] folded = new long[half];
            long set = 0;
            for (int i = 0; i < half; i++) {
                folded[i] = pairs(best[2 * i]) | pairs(best[2 * i + 1]) << 32;
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
