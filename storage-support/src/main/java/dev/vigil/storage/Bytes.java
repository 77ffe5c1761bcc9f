package dev.vigil.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixed-width numbers in byte arrays, and the readers of what {@link ByteSink} writes. Numbers in frame headers and
 * block indexes are big-endian; stores may lay out the columns inside their decompressed data frames little-endian.
 * Stateless.
 */
public final class Bytes {

    /** A big-endian {@code int} at any index of a {@code byte[]}. */
    public static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** A big-endian {@code long} at any index of a {@code byte[]}. */
    public static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** A little-endian {@code int} at any index of a {@code byte[]}. */
    public static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** A little-endian {@code long} at any index of a {@code byte[]}. */
    public static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {}

    /**
     * Reads a varint written by {@link ByteSink#putVarint} at {@code b[at[0]]}, moving {@code at[0]} past it.
     *
     * @throws IllegalArgumentException if it is longer than five bytes
     */
    public static int varint(byte[] b, int[] at) {
        int p = at[0];
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[p++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
            if (shift >= 28) {
                throw new IllegalArgumentException("a varint is longer than 5 bytes");
            }
        }
        at[0] = p;
        return v;
    }

    /**
     * Reads a string written by {@link ByteSink#putStringBE} at {@code b[at[0]]}, moving {@code at[0]} past it.
     *
     * @throws IllegalArgumentException if it runs past the end of {@code b}
     */
    public static String stringBE(byte[] b, int[] at) {
        int len = (int) BE_INT.get(b, at[0]);
        if (len < 0 || at[0] + 4L + len > b.length) {
            throw new IllegalArgumentException("a string runs past the end of its frame");
        }
        String s = new String(b, at[0] + 4, len, StandardCharsets.UTF_8);
        at[0] += 4 + len;
        return s;
    }

    /**
     * Reads a map written by {@link ByteSink#putStringMapBE} at {@code b[at[0]]}, moving {@code at[0]} past it.
     *
     * @return the map, sorted by key and unmodifiable
     * @throws IllegalArgumentException if it does not make sense or runs past the end of {@code b}
     */
    public static Map<String, String> stringMapBE(byte[] b, int[] at) {
        int entries = (int) BE_INT.get(b, at[0]);
        at[0] += 4;
        if (entries < 0 || entries > b.length) {
            throw new IllegalArgumentException("a map has " + entries + " entries");
        }
        if (entries == 0) {
            return Map.of();
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int e = 0; e < entries; e++) {
            String key = stringBE(b, at);
            map.put(key, stringBE(b, at));
        }
        return Collections.unmodifiableSortedMap(map);
    }
}
