package dev.vigil.metrics.store.wal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the payload of one record, as {@link RecordBuffer} wrote it. Not thread-safe. */
public final class RecordInput {

    private final ByteBuffer buf;

    /** Reads {@code payload} from its position to its limit. */
    public RecordInput(ByteBuffer payload) {
        this.buf = payload;
    }

    /** Whether bytes remain. */
    public boolean hasRemaining() {
        return buf.hasRemaining();
    }

    /** An unsigned variable-length integer. */
    public long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buf.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new BufferUnderflowException();
    }

    /** A signed variable-length integer. */
    public long signedVarint() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A value written by {@link RecordBuffer#putPackedLong}. */
    public long packedLong() {
        int header = buf.get() & 0xff;
        if (header == 0) {
            return 0;
        }
        int leading = header >>> 4 & 7;
        int trailing = header >>> 1 & 7;
        if ((header & 0x81) != 1 || leading + trailing > 7) {
            throw new IllegalArgumentException("invalid packed value header " + header);
        }
        long value = 0;
        for (int i = leading + trailing; i < 8; i++) {
            value = value << 8 | (buf.get() & 0xff);
        }
        return value << (trailing * 8);
    }

    /** Eight bytes. */
    public long getLong() {
        return buf.getLong();
    }

    /** A string. */
    public String string() {
        int length = Math.toIntExact(varint());
        byte[] bytes = new byte[length];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
