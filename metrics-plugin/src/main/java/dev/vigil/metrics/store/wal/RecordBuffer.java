package dev.vigil.metrics.store.wal;

import io.airlift.compress.snappy.SnappyCompressor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds one framed log record: a length, a CRC-32C of the type and payload, the type, then the payload.
 * A payload that snappy shrinks by at least an eighth is stored compressed, with {@link #COMPRESSED} set in
 * the type. Reusable with {@link #start}. Not thread-safe.
 */
public final class RecordBuffer {

    /** Bytes before the type: the length of type and payload, then their checksum. */
    static final int HEADER = 8;

    /** Set in the stored type when the payload is a snappy block. */
    static final byte COMPRESSED = 0x40;

    /** Below this, the few bytes snappy could save are not worth its time. */
    private static final int MIN_COMPRESSED_PAYLOAD = 64;

    // a compressor holds a 32 KiB hash table; appenders encode on request threads, so each thread keeps one
    private static final ThreadLocal<Compression> COMPRESSION = ThreadLocal.withInitial(Compression::new);

    private final CRC32C crc = new CRC32C();
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
        int payloadStart = recordStart + HEADER + 1;
        if (pos - payloadStart >= MIN_COMPRESSED_PAYLOAD) {
            compress(payloadStart);
        }
        int length = pos - recordStart - HEADER;
        crc.reset();
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

    /** Appends a value's bits as a header byte and only the bytes of it that are not zero at either end. */
    public RecordBuffer putPackedLong(long value) {
        ensure(9);
        if (value == 0) {
            buf[pos++] = 0;
            return this;
        }
        int leading = Long.numberOfLeadingZeros(value) >>> 3;
        int trailing = Long.numberOfTrailingZeros(value) >>> 3;
        buf[pos++] = (byte) (leading << 4 | trailing << 1 | 1);
        for (int shift = (7 - leading) * 8; shift >= trailing * 8; shift -= 8) {
            buf[pos++] = (byte) (value >>> shift);
        }
        return this;
    }

    private void compress(int payloadStart) {
        int length = pos - payloadStart;
        Compression c = COMPRESSION.get();
        byte[] out = c.output(c.compressor.maxCompressedLength(length));
        int written = c.compressor.compress(buf, payloadStart, length, out, 0, out.length);
        if (written <= length - length / 8) {
            System.arraycopy(out, 0, buf, payloadStart, written);
            pos = payloadStart + written;
            buf[payloadStart - 1] |= COMPRESSED;
        }
    }

    private static final class Compression {
        final SnappyCompressor compressor = new SnappyCompressor();
        private byte[] output = new byte[0];

        byte[] output(int size) {
            if (output.length < size) {
                output = new byte[size];
            }
            return output;
        }
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
