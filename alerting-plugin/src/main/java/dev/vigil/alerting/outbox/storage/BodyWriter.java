package dev.vigil.alerting.outbox.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a record body: big-endian numbers, strings as UTF-8 with their length, instants as seconds and nanos.
 * {@link BodyReader} reads the same layout. Not thread-safe.
 */
public final class BodyWriter {

    private byte[] bytes = new byte[256];
    private int size;

    /** Appends one byte. */
    public BodyWriter writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    /** Appends a boolean as one byte. */
    public BodyWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** Appends four bytes. */
    public BodyWriter writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Appends eight bytes. */
    public BodyWriter writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Appends a string's UTF-8 length and bytes. */
    public BodyWriter writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** Appends an instant as epoch seconds and nanoseconds. */
    public BodyWriter writeInstant(Instant value) {
        return writeLong(value.getEpochSecond()).writeInt(value.getNano());
    }

    /** Appends a presence flag and, if present, the instant. */
    public BodyWriter writeOptionalInstant(Optional<Instant> value) {
        writeBoolean(value.isPresent());
        value.ifPresent(this::writeInstant);
        return this;
    }

    /** Appends a map's size and its entries in iteration order. */
    public BodyWriter writeStringMap(Map<String, String> map) {
        writeInt(map.size());
        map.forEach((key, value) -> writeString(key).writeString(value));
        return this;
    }

    /** Appends a list's size and its strings. */
    public BodyWriter writeStringList(List<String> list) {
        writeInt(list.size());
        list.forEach(this::writeString);
        return this;
    }

    /** Appends bytes as they are. */
    public BodyWriter writeRaw(byte[] raw) {
        ensure(raw.length);
        System.arraycopy(raw, 0, bytes, size, raw.length);
        size += raw.length;
        return this;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
