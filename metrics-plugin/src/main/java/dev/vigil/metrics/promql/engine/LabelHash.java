package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit hash Prometheus gives a label set (XXH64 with seed 0 over each name and value followed by a
 * {@code 0xff} byte), so that {@code limit_ratio} keeps the same series Prometheus keeps.
 */
final class LabelHash {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final int SEPARATOR = 0xff;

    private LabelHash() {}

    /** The hash of {@code labels}. */
    static long hash(Labels labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        for (int i = 0; i < labels.size(); i++) {
            writeText(bytes, labels.name(i));
            bytes.write(SEPARATOR);
            writeText(bytes, labels.value(i));
            bytes.write(SEPARATOR);
        }
        return xxh64(bytes.toByteArray());
    }

    /**
     * Writes {@code text} as UTF-8, except the bytes outside UTF-8 that the parser keeps as the lone surrogates
     * {@code U+DC80..U+DCFF}, which are written back as the bytes they stand for, as Go hashes them.
     */
    private static void writeText(ByteArrayOutputStream out, String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - 0xDC00);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of {@code labels} as a number in [0, 1], as Prometheus's ratio sampler places a series. */
    static double unitInterval(Labels labels) {
        long h = hash(labels);
        // An unsigned conversion that rounds like a hardware one: keep the lowest bit as a sticky bit.
        double unsigned = h >= 0 ? (double) h : (double) ((h >>> 1) | (h & 1)) * 2.0;
        return unsigned / 18446744073709551616.0;
    }

    /** XXH64 of {@code data} with seed 0. */
    static long xxh64(byte[] data) {
        int length = data.length;
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            int limit = length - 32;
            do {
                v1 = round(v1, readLong(data, i));
                v2 = round(v2, readLong(data, i + 8));
                v3 = round(v3, readLong(data, i + 16));
                v4 = round(v4, readLong(data, i + 24));
                i += 32;
            } while (i <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += length;
        while (i + 8 <= length) {
            h ^= round(0, readLong(data, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= length) {
            h ^= (readInt(data, i) & 0xffffffffL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < length) {
            h ^= (data[i] & 0xffL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long acc, long value) {
        return (acc ^ round(0, value)) * P1 + P4;
    }

    private static long readLong(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }
}
