package dev.vigil.tracing.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk format of a trace segment file.
 *
 * <p>A segment starts with a {@value #SEGMENT_HEADER}-byte header: the magic {@code VIGILTRC}, the format version, a
 * CRC-32C of the rest of the header, and when the segment was started. Frames follow, each a 4-byte length, a CRC-32C
 * of what follows, a type byte and a body:
 * <ul>
 *   <li>{@link #RESOURCE}: a resource (id and attributes), before the first data frame that refers to it;</li>
 *   <li>{@link #OPERATION}: an operation (id, service, span name and kind), likewise;</li>
 *   <li>{@link #DATA}: the spans of (part of) one appended batch, LZ4-compressed, after a header with their count,
 *       start range, errors, duration range, operation ids and resource ids;</li>
 *   <li>{@link #BLOCK}: the index of the data frames since the previous block frame (see {@link SealedBlock}).</li>
 * </ul>
 * Numbers in headers and indexes are big-endian; the columns inside a decompressed data frame are little-endian (see
 * {@link FrameSpans}). Fixed-width fields let headers be read without parsing.
 */
final class Format {

    static final byte[] MAGIC = "VIGILTRC".getBytes(StandardCharsets.US_ASCII);
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
    static final byte OPERATION = 4;

    /** Set in a data frame's flags when the next frame holds more spans of the same batch. */
    static final int FLAG_CONTINUES = 1;

    /**
     * A data frame's fixed header: type, flags, count, min and max start, raw length, errors, min and max duration,
     * operation count, resource count.
     */
    static final int DATA_FIXED = 1 + 1 + 4 + 8 + 8 + 4 + 4 + 8 + 8 + 4 + 4;

    /** The most raw bytes one data frame takes before a batch is split over several. */
    static final int MAX_FRAME_RAW = 1 << 20;

    static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Format() {}

    /** A segment header. */
    static byte[] segmentHeader(long createdMillis) {
        byte[] h = new byte[SEGMENT_HEADER];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        BE_INT.set(h, 8, VERSION);
        BE_LONG.set(h, 16, createdMillis);
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

    /** When the segment with header {@code h} was started. */
    static long createdMillis(byte[] h) {
        return (long) BE_LONG.get(h, 16);
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

    /** Whether a whole frame read into {@code frame[0, length)} has the length and checksum it declares. */
    static boolean intact(byte[] frame, int length) {
        return length >= FRAME_PEEK && (int) BE_INT.get(frame, 0) == length - FRAME_PREFIX
                && (int) BE_INT.get(frame, 4) == crc(frame, FRAME_PREFIX, length - FRAME_PREFIX);
    }
}
