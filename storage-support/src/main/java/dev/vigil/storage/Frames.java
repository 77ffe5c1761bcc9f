package dev.vigil.storage;

import java.util.zip.CRC32C;

/**
 * The frames a segment holds after its header. Each is a 4-byte big-endian length of what follows the prefix, a
 * CRC-32C of that, a type byte and a body. Two types are the library's: {@link #DATA} (a store's items, compressed,
 * after a header the store lays out, see {@link DataFrame}) and {@link #BLOCK} (the index of the data frames since the
 * previous block frame, laid out by the store). Any other type is a definition frame, of a value that data frames
 * refer to by id (see {@link StoreCodec#isDefinition}). Stateless.
 */
public final class Frames {

    /** Length and checksum before each frame's body. */
    public static final int PREFIX = 8;
    /** Prefix and type: what a scan reads of every frame. */
    public static final int PEEK = PREFIX + 1;
    /** More than any frame a store writes; a larger length means the frame is damaged. */
    public static final int MAX_BODY = 1 << 30;

    /** The type of a data frame. */
    public static final byte DATA = 2;
    /** The type of a block frame. */
    public static final byte BLOCK = 3;

    private Frames() {}

    /** The CRC-32C of {@code b[off, off + len)}. */
    public static int crc32c(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Fills in the length and checksum of the frame {@code frame[start, end)}, whose body starts at {@code start + 8}. */
    public static void seal(byte[] frame, int start, int end) {
        Bytes.BE_INT.set(frame, start, end - start - PREFIX);
        Bytes.BE_INT.set(frame, start + 4, crc32c(frame, start + PREFIX, end - start - PREFIX));
    }

    /** Whether a whole frame read into {@code frame[0, length)} has the length and checksum it declares. */
    public static boolean intact(byte[] frame, int length) {
        return length >= PEEK && (int) Bytes.BE_INT.get(frame, 0) == length - PREFIX
                && (int) Bytes.BE_INT.get(frame, 4) == crc32c(frame, PREFIX, length - PREFIX);
    }

    /**
     * Starts a frame of {@code type} at the position of {@code out}: leaves room for the prefix and writes the type.
     *
     * @return where the frame starts, for {@link #end}
     */
    public static int begin(ByteSink out, byte type) {
        int start = out.position();
        out.skip(PREFIX);
        out.putByte(type);
        return start;
    }

    /** Ends the frame that {@link #begin} started at {@code start}: its body is what was written since. */
    public static void end(ByteSink out, int start) {
        seal(out.array(), start, out.position());
    }
}
