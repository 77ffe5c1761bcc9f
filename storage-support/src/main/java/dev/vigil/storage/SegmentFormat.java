package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What tells one store's segments from another's, and from another version of its own: the header every segment
 * starts with, and the names the library uses for the store in its messages.
 *
 * <p>The header is {@value #HEADER_BYTES} bytes: the 8-byte ASCII {@code magic}, the format {@code version} (4 bytes),
 * a CRC-32C of the 16 bytes that follow, then two 8-byte fields. With {@code sequenced}, they are the sequence number
 * of the segment's first item and when the segment was started (milliseconds since the epoch); without, when it was
 * started and 0. All numbers are big-endian. A store that changes anything in its layout raises {@code version}; a
 * segment of another version is then refused with an error that names the file.
 *
 * @param kind what the store holds, in messages: {@code "log"} makes "log store" and "log segment"
 * @param items what it calls the items it holds, in messages, such as {@code "records"}
 * @param magic the 8 ASCII characters a segment starts with
 * @param version the format version this code writes and reads, at least 1
 * @param sequenced whether the header holds a sequence number (see {@link Segment#sequence()})
 */
public record SegmentFormat(String kind, String items, String magic, int version, boolean sequenced) {

    /** The bytes of a segment header. */
    public static final int HEADER_BYTES = 32;

    /** Checks the arguments. */
    public SegmentFormat {
        requireNonNull(kind, "kind is null");
        requireNonNull(items, "items is null");
        requireNonNull(magic, "magic is null");
        if (magic.length() != 8 || !StandardCharsets.US_ASCII.newEncoder().canEncode(magic)) {
            throw new IllegalArgumentException("magic must be 8 ASCII characters, got '" + magic + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }

    /** The store's name in messages, such as {@code "log store"}. */
    public String store() {
        return kind + " store";
    }

    /** The store's name at the start of a log message, such as {@code "Log store"}. */
    public String title() {
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " store";
    }

    /** A segment header of this format. */
    public byte[] header(long sequence, long createdMillis) {
        byte[] h = new byte[HEADER_BYTES];
        System.arraycopy(magic.getBytes(StandardCharsets.US_ASCII), 0, h, 0, 8);
        Bytes.BE_INT.set(h, 8, version);
        Bytes.BE_LONG.set(h, 16, sequenced ? sequence : createdMillis);
        Bytes.BE_LONG.set(h, 24, sequenced ? createdMillis : 0L);
        Bytes.BE_INT.set(h, 12, Frames.crc32c(h, 16, 16));
        return h;
    }

    /**
     * Checks that {@code header} is an intact segment header of this format and version.
     *
     * @param file the segment it was read from, for the error
     * @throws IOException if it is not; the message names the file and says why
     */
    public void check(byte[] header, Path file) throws IOException {
        if (header.length < HEADER_BYTES || !new String(header, 0, 8, StandardCharsets.ISO_8859_1).equals(magic)) {
            throw new IOException(file + " is not a " + kind + " segment (it does not start with " + magic
                    + "); move it out of the store's folder");
        }
        int found = (int) Bytes.BE_INT.get(header, 8);
        if (found != version) {
            throw new IOException(file + " is a " + kind + " segment of format version " + found + ", and this version "
                    + "of the " + store() + " reads only version " + version + "; move it out of the store's folder");
        }
        if ((int) Bytes.BE_INT.get(header, 12) != Frames.crc32c(header, 16, 16)) {
            throw new IOException(file + " is not a " + kind + " segment of format version " + version
                    + " (its header fails its checksum); move it out of the store's folder");
        }
    }

    /** When the segment with {@code header} was started, in milliseconds since the epoch. */
    public long createdMillis(byte[] header) {
        return (long) Bytes.BE_LONG.get(header, sequenced ? 24 : 16);
    }

    /** The sequence number of the first item of the segment with {@code header}; 0 when not {@code sequenced}. */
    public long sequence(byte[] header) {
        return sequenced ? (long) Bytes.BE_LONG.get(header, 16) : 0L;
    }
}
