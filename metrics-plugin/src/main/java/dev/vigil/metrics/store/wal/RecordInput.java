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
