package dev.vigil.alerting.outbox.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a record body written by {@link BodyWriter}. A body that does not parse (its checksum was fine, so it
 * was written by another format) raises {@link MalformedRecordException}. Not thread-safe.
 */
public final class BodyReader {

    private final ByteBuffer body;

    /** Reads {@code body} from its position. */
    public BodyReader(ByteBuffer body) {
        this.body = body;
    }

    /** One byte, unsigned. */
    public int readByte() throws MalformedRecordException {
        need(1);
        return body.get() & 0xff;
    }

    /** A boolean written as one byte. */
    public boolean readBoolean() throws MalformedRecordException {
        int value = readByte();
        if (value > 1) {
            throw new MalformedRecordException("not a boolean: " + value);
        }
        return value == 1;
    }

    /** Four bytes. */
    public int readInt() throws MalformedRecordException {
        need(4);
        return body.getInt();
    }

    /** Four bytes that must not be negative: a count or a length. */
    public int readCount() throws MalformedRecordException {
        int count = readInt();
        if (count < 0 || count > body.remaining()) {
            throw new MalformedRecordException("impossible count " + count + " with " + body.remaining() + " bytes left");
        }
        return count;
    }

    /** Eight bytes. */
    public long readLong() throws MalformedRecordException {
        need(8);
        return body.getLong();
    }

    /** A string written with its UTF-8 length. */
    public String readString() throws MalformedRecordException {
        int length = readCount();
        String value = new String(body.array(), body.arrayOffset() + body.position(), length, StandardCharsets.UTF_8);
        body.position(body.position() + length);
        return value;
    }

    /** An instant written as seconds and nanoseconds. */
    public Instant readInstant() throws MalformedRecordException {
        long seconds = readLong();
        int nanos = readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new MalformedRecordException("not an instant: " + seconds + "s " + nanos + "ns", e);
        }
    }

    /** An instant behind a presence flag. */
    public Optional<Instant> readOptionalInstant() throws MalformedRecordException {
        return readBoolean() ? Optional.of(readInstant()) : Optional.empty();
    }

    /** A map of strings, in the order written. */
    public Map<String, String> readStringMap() throws MalformedRecordException {
        int count = readCount();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(readString(), readString());
        }
        return map;
    }

    /** A list of strings. */
    public List<String> readStringList() throws MalformedRecordException {
        int count = readCount();
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(readString());
        }
        return list;
    }

    /** The bytes not read yet. */
    public int remaining() {
        return body.remaining();
    }

    private void need(int bytes) throws MalformedRecordException {
        if (body.remaining() < bytes) {
            throw new MalformedRecordException("record ends early: " + bytes + " bytes wanted, " + body.remaining() + " left",
                    new BufferUnderflowException());
        }
    }
}
