package dev.vigil.tracing.store;

import dev.vigil.storage.Frames;
import dev.vigil.storage.SegmentFormat;

/**
 * The on-disk format of a trace segment file.
 *
 * <p>A segment starts with the header of {@link #SEGMENTS}: the magic {@code VIGILTRC}, the format version, a CRC-32C
 * of the rest of the header, and when the segment was started. Frames follow (see {@link Frames}), each a 4-byte
 * length, a CRC-32C of what follows, a type byte and a body:
 * <ul>
 *   <li>{@link #RESOURCE}: a resource (id and attributes), before the first data frame that refers to it;</li>
 *   <li>{@link #OPERATION}: an operation (id, service, span name and kind), likewise;</li>
 *   <li>{@link Frames#DATA}: the spans of (part of) one appended batch, LZ4-compressed, after a header with their
 *       count, start range, errors, duration range, operation ids and resource ids;</li>
 *   <li>{@link Frames#BLOCK}: the index of the data frames since the previous block frame (see {@link
 *       SealedBlock}).</li>
 * </ul>
 * Numbers in headers and indexes are big-endian; the columns inside a decompressed data frame are little-endian (see
 * {@link FrameSpans}). Fixed-width fields let headers be read without parsing.
 */
final class Format {

    /** The segments' magic and version, and the names the storage library uses in messages. */
    static final SegmentFormat SEGMENTS = new SegmentFormat("trace", "spans", "VIGILTRC", 1, false);

    static final byte RESOURCE = 1;
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

    private Format() {}
}
