package dev.vigil.logging.store;

import dev.vigil.storage.Frames;
import dev.vigil.storage.SegmentFormat;

/**
 * The on-disk format of a log segment file.
 *
 * <p>A segment starts with the header of {@link #SEGMENTS}: the magic {@code VIGILLOG}, the format version, a CRC-32C
 * of the rest of the header, the sequence number of its first record and when it was started. Frames follow (see
 * {@link Frames}), each a 4-byte length, a CRC-32C of what follows, a type byte and a body:
 * <ul>
 *   <li>{@link #RESOURCE}: a resource (id and attributes), before the first data frame that refers to it;</li>
 *   <li>{@link Frames#DATA}: the records of (part of) one appended batch, LZ4-compressed, after a header with their
 *       count, time range, counts by severity and resource ids;</li>
 *   <li>{@link Frames#BLOCK}: the index of the data frames since the previous block frame: their time range, counts,
 *       resources, a table of the frames, and a Bloom filter of their tokens.</li>
 * </ul>
 * A record's sequence number (its place in storage order) is not written: it follows from the segment's first one and
 * the counts of the data frames before it. Numbers in headers are big-endian; the columns inside a decompressed data
 * frame are little-endian. All multi-byte fields have fixed widths, so headers are read without parsing.
 */
final class Format {

    /** The segments' magic and version, and the names the storage library uses in messages. */
    static final SegmentFormat SEGMENTS = new SegmentFormat("log", "records", "VIGILLOG", 1, true);

    static final byte RESOURCE = 1;

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

    private Format() {}
}
