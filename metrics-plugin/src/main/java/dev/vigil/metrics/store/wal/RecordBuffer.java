package dev.vigil.metrics.store.wal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds one framed log record: a length, a CRC-32C of the type and payload, the type, then the payload.
 * Reusable with {@link #start}. Not thread-safe.
 */
public final class RecordBuffer {

    /** Bytes before the type: the length of type and payload, then their checksum. */
    static final int HEADER = 8;

    private byte[] buf = new byte[256];
    private int pos;
    private int recordStart;

    /** An empty buffer. */
    public RecordBuffer() {}

    /** Forgets everything written. */
    public RecordBuffer clear() {
        pos = 0;
        return this;
    }

    /** Starts a record of {@code type} after whatever records the buffer holds. */
    public RecordBuffer start(byte type) {
        recordStart = pos;
        ensure(HEADER + 1);
        pos += HEADER;
        buf[pos++] = type;
        return this;
    }

    /** Completes the record started last: fills in its length and checksum. */
    public RecordBuffer finish() {
        int length = pos - recordStart - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(buf, recordStart + HEADER, length);
        writeInt(recordStart, length);
        writeInt(recordStart + 4, (int) crc.getValue());
        return this;
    }

    /** Appends an unsigned variable-length integer. */
    public RecordBuffer putVarint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7fL) != 0) {
            buf[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return this;
    }

    /** Appends a signed variable-length integer, small whatever its sign. */
    public RecordBuffer putSignedVarint(long value) {
        return putVarint((value << 1) ^ (value >> 63));
    }

    /** Appends eight bytes. */
    public RecordBuffer putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Appends a string as its UTF-8 length and bytes. */
    public RecordBuffer putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putVarint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
        return this;
    }

    /** How many bytes the buffer holds. */
    public int size() {
        return pos;
    }

    /** A view of the bytes written, valid until the next change. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, pos);
    }

    private void writeInt(int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(pos + more, buf.length * 2));
        }
    }
}
