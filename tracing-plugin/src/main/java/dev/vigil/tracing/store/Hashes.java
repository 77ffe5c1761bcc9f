package dev.vigil.tracing.store;

import dev.vigil.storage.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit hashes the store indexes by: trace ids (as their two halves), and attribute {@code name=value} pairs (as
 * UTF-8 bytes), each with its own seed so that the two never share a value by design.
 */
final class Hashes {

    private static final long ATTRIBUTE = 0x6174545249L;
    private static final long C1 = 0x9E3779B97F4A7C15L;
    private static final long C2 = 0xC2B2AE3D27D4EB4FL;

    private Hashes() {}

    /**
     * The key of the trace whose id is {@code hi} and {@code lo}: both halves count, since a 64-bit id from an older
     * tracer has a high half of zero.
     */
    static long traceKey(long hi, long lo) {
        return mix(hi * C1 ^ Long.rotateLeft(lo, 29) ^ lo * C2);
    }

    /** A well-spread function of {@code h}. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** The hash of an attribute's name and value, each as UTF-8 bytes in {@code b}. */
    static long attribute(byte[] b, int keyOff, int keyLen, int valueOff, int valueLen) {
        return bytes(bytes(ATTRIBUTE, b, keyOff, keyLen), b, valueOff, valueLen);
    }

    static long attribute(String name, String value) {
        byte[] k = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return bytes(bytes(ATTRIBUTE, k, 0, k.length), v, 0, v.length);
    }

    /** A 64-bit hash of {@code b[off, off + len)}, eight bytes at a time. */
    static long bytes(long seed, byte[] b, int off, int len) {
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
        return mix(Long.rotateLeft(h ^ (tail * C2), 31) * C1);
    }
}
