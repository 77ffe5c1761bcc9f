package dev.vigil.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A growable byte array that frames are encoded into. Callers that write fixed-width columns in place {@link #ensure}
 * room and then write into {@link #array()} directly; the array changes when the sink grows, so it is fetched again
 * after every call that may grow it. Not thread-safe.
 */
public final class ByteSink {

    private byte[] buf;
    private int pos;

    /** An empty sink with room for {@code capacity} bytes before it grows. */
    public ByteSink(int capacity) {
        this.buf = new byte[capacity];
    }

    /** The bytes written so far are {@code array()[0, position())}; valid until the sink grows. */
    public byte[] array() {
        return buf;
    }

    /** Where the next byte goes: the count of bytes written. */
    public int position() {
        return pos;
    }

    /** Moves the position to {@code position}, within the array (see {@link #ensure}). */
    public void position(int position) {
        if (position < 0 || position > buf.length) {
            throw new IndexOutOfBoundsException("position " + position + " of a sink of " + buf.length + " bytes");
        }
        pos = position;
    }

    /** Forgets what was written, keeping the array. */
    public ByteSink clear() {
        pos = 0;
        return this;
    }

    /**
     * Makes room for {@code more} bytes after the position.
     *
     * @throws IllegalArgumentException if the sink would exceed 2 GiB
     */
    public void ensure(int more) {
        if (pos + more > buf.length) {
            long wanted = Math.max((long) pos + more, buf.length * 2L);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("a frame would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    /** Leaves {@code bytes} bytes to be written later (with {@link #setIntBE} or into {@link #array()}). */
    public void skip(int bytes) {
        ensure(bytes);
        pos += bytes;
    }

    /** Appends the low byte of {@code v}. */
    public void putByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** Appends {@code v} as 4 big-endian bytes. */
    public void putIntBE(int v) {
        ensure(4);
        Bytes.BE_INT.set(buf, pos, v);
        pos += 4;
    }

    /** Writes {@code v} as 4 big-endian bytes at {@code at}, before the position. */
    public void setIntBE(int at, int v) {
        if (at < 0 || at + 4 > pos) {
            throw new IndexOutOfBoundsException("offset " + at + " of " + pos + " bytes written");
        }
        Bytes.BE_INT.set(buf, at, v);
    }

    /** Appends {@code v} as 8 big-endian bytes. */
    public void putLongBE(long v) {
        ensure(8);
        Bytes.BE_LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Appends {@code v} as 8 little-endian bytes. */
    public void putLongLE(long v) {
        ensure(8);
        Bytes.LE_LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Appends {@code b[off, off + len)}. */
    public void putBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Appends {@code v} as an unsigned varint of 1 to 5 bytes, 7 bits a byte, low bits first. */
    public void putVarint(int v) {
        ensure(5);
        int x = v;
        while ((x & ~0x7F) != 0) {
            buf[pos++] = (byte) ((x & 0x7F) | 0x80);
            x >>>= 7;
        }
        buf[pos++] = (byte) x;
    }

    /** Appends a string as its UTF-8 length (a varint) and bytes; ASCII text is copied without an intermediate array. */
    public void putString(String s) {
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

    /** Appends a string as a 4-byte big-endian length and its UTF-8 bytes; {@link Bytes#stringBE} reads it. */
    public void putStringBE(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putIntBE(b.length);
        putBytes(b, 0, b.length);
    }

    /**
     * Appends a map as a 4-byte big-endian entry count and each key and value with {@link #putStringBE}, in the map's
     * order; {@link Bytes#stringMapBE} reads it.
     */
    public void putStringMapBE(Map<String, String> map) {
        putIntBE(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            putStringBE(e.getKey());
            putStringBE(e.getValue());
        }
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
