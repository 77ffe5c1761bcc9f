package dev.vigil.logging.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk format of a segment file.
 *
 * <p>A segment starts with a {@value #SEGMENT_HEADER}-byte header: the magic {@code VIGILLOG}, the format version,
 * a CRC-32C of the rest of the header, the sequence number of its first record and when it was started. Frames
 * follow, each a 4-byte length, a CRC-32C of what follows, a type byte and a body:
 * <ul>
 *   <li>{@link #RESOURCE}: a resource (id and attributes), before the first data frame that refers to it;</li>
 *   <li>{@link #DATA}: the records of (part of) one appended batch, LZ4-compressed, after a header with their count,
 *       time range, counts by severity and resource ids;</li>
 *   <li>{@link #BLOCK}: the index of the data frames since the previous block frame: their time range, counts,
 *       resources, a table of the frames, and a Bloom filter of their tokens.</li>
 * </ul>
 * A record's sequence number (its place in storage order) is not written: it follows from the segment's first one and
 * the counts of the data frames before it. Numbers in headers are big-endian; the columns inside a decompressed data
 * frame are little-endian. All multi-byte fields have fixed widths, so headers are read without parsing.
 */
final class Format {

    static final byte[] MAGIC = "VIGILLOG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SEGMENT_HEADER = 32;

    /** Length and checksum before each frame's body. */
    static final int FRAME_PREFIX = 8;
    /** Prefix and type: what a scan reads of every frame. */
    static final int FRAME_PEEK = FRAME_PREFIX + 1;
    /** More than any frame the store writes; a larger length means the frame is damaged. */
    static final int MAX_FRAME_BODY = 1 << 30;

    static final byte RESOURCE = 1;
    static final byte DATA = 2;
    static final byte BLOCK = 3;

    /** Set in a data frame's flags when the next frame holds more records of the same batch. */
    static final int FLAG_CONTINUES = 1;

    /** Severity counts in headers: one per {@link dev.vigil.api.logs.Severity}, by ordinal. */
    static final int SEVERITIES = 6;

    /** Type, flags, count, min time, max time, raw length, severity counts, resource count. */
    static final int DATA_FIXED = 1 + 1 + 4 + 8 + 8 + 4 + 4 * SEVERITIES + 4;

    /** Bytes of the fixed columns per record in a decompressed data frame: time, severity, resource, two offsets. */
    static final int COLUMNS_PER_RECORD = 8 + 1 + 4 + 4 + 4;

    /** The most raw bytes one data frame takes before a batch is split over several. */
    static final int MAX_FRAME_RAW = 1 << 20;

    static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Format() {}

    /** A segment header. */
    static byte[] segmentHeader(long firstSeq, long createdMillis) {
        byte[] h = new byte[SEGMENT_HEADER];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        BE_INT.set(h, 8, VERSION);
        BE_LONG.set(h, 16, firstSeq);
        BE_LONG.set(h, 24, createdMillis);
        BE_INT.set(h, 12, crc(h, 16, 16));
        return h;
    }

    /** Whether {@code h} is an intact segment header of this version. */
    static boolean isSegmentHeader(byte[] h) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (h[i] != MAGIC[i]) {
                return false;
            }
        }
        return (int) BE_INT.get(h, 8) == VERSION && (int) BE_INT.get(h, 12) == crc(h, 16, 16);
    }

    static int crc(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Fills in a frame's length and checksum; its body is {@code frame[start + 8, end)}. */
    static void seal(byte[] frame, int start, int end) {
        BE_INT.set(frame, start, end - start - FRAME_PREFIX);
        BE_INT.set(frame, start + 4, crc(frame, start + FRAME_PREFIX, end - start - FRAME_PREFIX));
    }

    /** Whether a whole frame read into {@code frame[0, length)} has the checksum it declares. */
    static boolean intact(byte[] frame, int length) {
        return length >= FRAME_PEEK && (int) BE_INT.get(frame, 0) == length - FRAME_PREFIX
                && (int) BE_INT.get(frame, 4) == crc(frame, FRAME_PREFIX, length - FRAME_PREFIX);
    }
}
