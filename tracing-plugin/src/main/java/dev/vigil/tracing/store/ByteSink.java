package dev.vigil.tracing.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that values are appended to. Not thread-safe. */
final class ByteSink {

    byte[] buf;
    int pos;

    ByteSink(int capacity) {
        this.buf = new byte[capacity];
    }

    ByteSink clear() {
        pos = 0;
        return this;
    }

    /** Makes room for {@code more} bytes after the position. */
    void ensure(int more) {
        if (pos + more > buf.length) {
            long wanted = Math.max((long) pos + more, buf.length * 2L);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("a trace store frame would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    void putByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void putIntBE(int v) {
        ensure(4);
        Format.BE_INT.set(buf, pos, v);
        pos += 4;
    }

    void putLongBE(long v) {
        ensure(8);
        Format.BE_LONG.set(buf, pos, v);
        pos += 8;
    }

    void putLongLE(long v) {
        ensure(8);
        Format.LE_LONG.set(buf, pos, v);
        pos += 8;
    }

    void putBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    void putVarint(int v) {
        ensure(5);
        int x = v;
        while ((x & ~0x7F) != 0) {
            buf[pos++] = (byte) ((x & 0x7F) | 0x80);
            x >>>= 7;
        }
        buf[pos++] = (byte) x;
    }

    /** A string as its UTF-8 length (a varint) and bytes; ASCII text is copied without an intermediate array. */
    void putString(String s) {
        int n = s.length();
        if (n == 0) {
            putByte(0);
            return;
        }
        if (n < 128) {
            ensure(1 + n);
            int start = pos + 1;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    putUtf8(s);
                    return;
                }
                buf[start + i] = (byte) c;
            }
            buf[pos] = (byte) n;
            pos = start + n;
            return;
        }
        putUtf8(s);
    }

    private void putUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putVarint(b.length);
        putBytes(b, 0, b.length);
    }

    /** A string as a 4-byte big-endian length and its UTF-8 bytes. */
    void putStringBE(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putIntBE(b.length);
        putBytes(b, 0, b.length);
    }

    /** Reads a varint at {@code b[at[0]]}, moving {@code at[0]} past it. */
    static int varint(byte[] b, int[] at) {
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

    /** Reads a string written by {@link #putStringBE} at {@code b[at[0]]}, moving {@code at[0]} past it. */
    static String stringBE(byte[] b, int[] at) {
        int len = (int) Format.BE_INT.get(b, at[0]);
        if (len < 0 || at[0] + 4L + len > b.length) {
            throw new IllegalArgumentException("a string runs past the end of its frame");
        }
        String s = new String(b, at[0] + 4, len, StandardCharsets.UTF_8);
        at[0] += 4 + len;
        return s;
    }
}
