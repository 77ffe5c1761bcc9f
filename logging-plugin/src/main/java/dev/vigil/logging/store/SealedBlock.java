package dev.vigil.logging.store;

import java.io.IOException;

/**
 * A block whose block frame is on disk. Its frame table and Bloom filter stay there and are read when a search needs
 * them; only the summary is kept in memory. The block frame's body is the type, the time range, the record count, the
 * sequence number after its last record, the counts by severity, the resource ids, the frame table (its entry count
 * and byte length, then the entries) and the filter (its word count, then the words). Immutable.
 */
final class SealedBlock extends BlockView {

    /** The sequence number after its last record. */
    final long nextSeq;
    private final long tableOffset;
    private final int tableLength;
    private final int frameCount;
    private final long filterOffset;
    private final int filterWords;

    private SealedBlock(Segment segment, long minTime, long maxTime, long count, long[] severityCounts, int[] resourceIds,
            long nextSeq, long tableOffset, int tableLength, int frameCount, long filterOffset, int filterWords) {
        super(segment, minTime, maxTime, count, severityCounts, resourceIds);
        this.nextSeq = nextSeq;
        this.tableOffset = tableOffset;
        this.tableLength = tableLength;
        this.frameCount = frameCount;
        this.filterOffset = filterOffset;
        this.filterWords = filterWords;
    }

    /** The block frame of an open block. */
    static byte[] frame(OpenBlock block, long[] filter) {
        ByteSink out = new ByteSink(Format.FRAME_PREFIX + 128 + 96 * block.frameCount + 8 * filter.length);
        out.pos = Format.FRAME_PREFIX;
        out.putByte(Format.BLOCK);
        out.putLongBE(block.minTime);
        out.putLongBE(block.maxTime);
        out.putIntBE(block.count);
        out.putLongBE(block.nextSeq);
        for (long c : block.severityCounts) {
            out.putIntBE((int) c);
        }
        out.putIntBE(block.resourceCount);
        for (int r = 0; r < block.resourceCount; r++) {
            out.putIntBE(block.resourceIds[r]);
        }
        out.putIntBE(block.frameCount);
        int lengthAt = out.pos;
        out.putIntBE(0);
        int tableStart = out.pos;
        for (int f = 0; f < block.frameCount; f++) {
            block.frames[f].writeTo(out);
        }
        Format.BE_INT.set(out.buf, lengthAt, out.pos - tableStart);
        out.putIntBE(filter.length);
        for (long w : filter) {
            out.putLongBE(w);
        }
        Format.seal(out.buf, 0, out.pos);
        return java.util.Arrays.copyOf(out.buf, out.pos);
    }

    /**
     * Reads the summary of the block frame {@code frame} (whole and intact) found at {@code offset} in {@code segment}.
     *
     * @throws IllegalArgumentException if it does not make sense
     */
    static SealedBlock parse(Segment segment, long offset, byte[] frame, int length) {
        int p = Format.FRAME_PREFIX + 1;
        long minTime = (long) Format.BE_LONG.get(frame, p);
        long maxTime = (long) Format.BE_LONG.get(frame, p + 8);
        int count = (int) Format.BE_INT.get(frame, p + 16);
        long nextSeq = (long) Format.BE_LONG.get(frame, p + 20);
        p += 28;
        long[] severities = new long[Format.SEVERITIES];
        for (int s = 0; s < Format.SEVERITIES; s++, p += 4) {
            severities[s] = (int) Format.BE_INT.get(frame, p);
        }
        int resources = (int) Format.BE_INT.get(frame, p);
        p += 4;
        if (resources < 0 || p + 4L * resources + 8 > length) {
            throw new IllegalArgumentException("a block frame's resource list is damaged");
        }
        int[] ids = new int[resources];
        for (int r = 0; r < resources; r++, p += 4) {
            ids[r] = (int) Format.BE_INT.get(frame, p);
        }
        int frames = (int) Format.BE_INT.get(frame, p);
        int tableLength = (int) Format.BE_INT.get(frame, p + 4);
        p += 8;
        if (frames < 0 || tableLength < 0 || p + (long) tableLength + 4 > length) {
            throw new IllegalArgumentException("a block frame's table is damaged");
        }
        long tableOffset = offset + p;
        p += tableLength;
        int words = (int) Format.BE_INT.get(frame, p);
        p += 4;
        if (words < 1 || Integer.bitCount(words) != 1 || p + 8L * words != length) {
            throw new IllegalArgumentException("a block frame's filter is damaged");
        }
        return new SealedBlock(segment, minTime, maxTime, count, severities, ids, nextSeq, tableOffset, tableLength, frames,
                offset + p, words);
    }

    @Override
    FrameInfo[] frames(Reader reader) throws IOException {
        byte[] table = reader.bytes(segment, tableOffset, tableLength);
        FrameInfo[] out = new FrameInfo[frameCount];
        int[] at = {0};
        for (int f = 0; f < frameCount; f++) {
            out[f] = FrameInfo.readFrom(table, at);
        }
        return out;
    }

    @Override
    boolean bit(Reader reader, int probe) throws IOException {
        int p = Tokens.folded(probe, filterWords);
        return (reader.word(segment, filterOffset + 8L * (p >>> 6)) & 1L << p) != 0;
    }

    /** The bytes its filter takes. */
    int filterBytes() {
        return 8 * filterWords;
    }
}
