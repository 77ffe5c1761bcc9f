package dev.vigil.logging.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Frames;
import dev.vigil.storage.Segment;
import java.io.IOException;

/**
 * A block whose block frame is on disk. Its frame table and Bloom filter stay there and are read when a search needs
 * them; only the summary is kept in memory. The block frame's body is the type, the time range, the record count, the
 * sequence number after its last record, the counts by severity, the resource ids, the frame table (its entry count
 * and byte length, then the entries) and the filter (its word count, then the words). Immutable.
 */
final class SealedBlock extends BlockView {

    private final long tableOffset;
    private final int tableLength;
    private final int frameCount;
    private final long filterOffset;
    private final int filterWords;

    private SealedBlock(Segment<BlockView> segment, long minTime, long maxTime, long count, long[] severityCounts,
            int[] resourceIds, long tableOffset, int tableLength, int frameCount, long filterOffset, int filterWords) {
        super(segment, minTime, maxTime, count, severityCounts, resourceIds);
        this.tableOffset = tableOffset;
        this.tableLength = tableLength;
        this.frameCount = frameCount;
        this.filterOffset = filterOffset;
        this.filterWords = filterWords;
    }

    /** The block frame of an open block. */
    static byte[] frame(OpenBlock block, long[] filter) {
        ByteSink out = new ByteSink(Frames.PREFIX + 128 + 96 * block.frameCount + 8 * filter.length);
        Frames.begin(out, Frames.BLOCK);
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
        int lengthAt = out.position();
        out.putIntBE(0);
        int tableStart = out.position();
        for (int f = 0; f < block.frameCount; f++) {
            block.frames[f].writeTo(out);
        }
        out.setIntBE(lengthAt, out.position() - tableStart);
        out.putIntBE(filter.length);
        for (long w : filter) {
            out.putLongBE(w);
        }
        Frames.end(out, 0);
        return out.toByteArray();
    }

    /**
     * Reads the summary of the block frame {@code frame} (whole and intact) found at {@code offset} in {@code segment}.
     *
     * @throws IllegalArgumentException if it does not make sense
     */
    static SealedBlock parse(Segment<BlockView> segment, long offset, byte[] frame, int length) {
        int p = Frames.PREFIX + 1;
        long minTime = (long) Bytes.BE_LONG.get(frame, p);
        long maxTime = (long) Bytes.BE_LONG.get(frame, p + 8);
        int count = (int) Bytes.BE_INT.get(frame, p + 16);
        // then the sequence number after its last record, which recovery takes from the segment instead
        p += 28;
        long[] severities = new long[Format.SEVERITIES];
        for (int s = 0; s < Format.SEVERITIES; s++, p += 4) {
            severities[s] = (int) Bytes.BE_INT.get(frame, p);
        }
        int resources = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        if (resources < 0 || p + 4L * resources + 8 > length) {
            throw new IllegalArgumentException("a block frame's resource list is damaged");
        }
        int[] ids = new int[resources];
        for (int r = 0; r < resources; r++, p += 4) {
            ids[r] = (int) Bytes.BE_INT.get(frame, p);
        }
        int frames = (int) Bytes.BE_INT.get(frame, p);
        int tableLength = (int) Bytes.BE_INT.get(frame, p + 4);
        p += 8;
        if (frames < 0 || tableLength < 0 || p + (long) tableLength + 4 > length) {
            throw new IllegalArgumentException("a block frame's table is damaged");
        }
        long tableOffset = offset + p;
        p += tableLength;
        int words = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        if (words < 1 || Integer.bitCount(words) != 1 || p + 8L * words != length) {
            throw new IllegalArgumentException("a block frame's filter is damaged");
        }
        return new SealedBlock(segment, minTime, maxTime, count, severities, ids, tableOffset, tableLength, frames, offset + p,
                words);
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
        return (reader.longAt(segment, filterOffset + 8L * (p >>> 6)) & 1L << p) != 0;
    }

    /** The bytes its filter takes. */
    int filterBytes() {
        return 8 * filterWords;
    }
}
