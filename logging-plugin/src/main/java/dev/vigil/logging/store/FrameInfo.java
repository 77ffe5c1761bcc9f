package dev.vigil.logging.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.DataFrame;
import dev.vigil.storage.Frames;

/**
 * Where a data frame is and what its header says: enough to skip it without reading it. Immutable.
 *
 * @param offset where the frame starts in its segment
 * @param length the whole frame's bytes, prefix included
 * @param firstSeq the sequence number of its first record; the others follow
 * @param count how many records it holds
 * @param minTime the earliest record time
 * @param maxTime the latest record time
 * @param rawLength the bytes of its records once decompressed
 * @param severityCounts how many records of each severity, by ordinal
 * @param resourceIds the distinct resources of its records
 * @param continues whether the next data frame holds more of the same batch
 */
record FrameInfo(long offset, int length, long firstSeq, int count, long minTime, long maxTime, int rawLength,
        int[] severityCounts, int[] resourceIds, boolean continues) implements DataFrame {

    /** Where the compressed records start, from the frame's start. */
    @Override
    public int payloadOffset() {
        return Frames.PREFIX + Format.DATA_FIXED + 4 * resourceIds.length;
    }

    /**
     * Reads the header of the data frame whose bytes start at {@code frame[0]}.
     *
     * @throws IllegalArgumentException if the header does not make sense
     */
    static FrameInfo parse(byte[] frame, int available, long offset, long firstSeq) {
        int p = Frames.PREFIX;
        if (available < p + Format.DATA_FIXED || frame[p] != Frames.DATA) {
            throw new IllegalArgumentException("not a data frame");
        }
        int length = (int) Bytes.BE_INT.get(frame, 0) + Frames.PREFIX;
        boolean continues = (frame[p + 1] & Format.FLAG_CONTINUES) != 0;
        int count = (int) Bytes.BE_INT.get(frame, p + 2);
        long minTime = (long) Bytes.BE_LONG.get(frame, p + 6);
        long maxTime = (long) Bytes.BE_LONG.get(frame, p + 14);
        int rawLength = (int) Bytes.BE_INT.get(frame, p + 22);
        int[] severities = new int[Format.SEVERITIES];
        for (int s = 0; s < Format.SEVERITIES; s++) {
            severities[s] = (int) Bytes.BE_INT.get(frame, p + 26 + 4 * s);
        }
        int resources = (int) Bytes.BE_INT.get(frame, p + 26 + 4 * Format.SEVERITIES);
        if (count < 1 || rawLength < count * Format.COLUMNS_PER_RECORD || resources < 0
                || p + Format.DATA_FIXED + 4L * resources > Math.min(available, length)) {
            throw new IllegalArgumentException("a data frame header is damaged");
        }
        int[] ids = new int[resources];
        for (int r = 0; r < resources; r++) {
            ids[r] = (int) Bytes.BE_INT.get(frame, p + Format.DATA_FIXED + 4 * r);
        }
        return new FrameInfo(offset, length, firstSeq, count, minTime, maxTime, rawLength, severities, ids, continues);
    }

    /** Writes the entry of this frame in a block's frame table. */
    void writeTo(ByteSink out) {
        out.putLongBE(offset);
        out.putIntBE(length);
        out.putLongBE(firstSeq);
        out.putIntBE(count);
        out.putLongBE(minTime);
        out.putLongBE(maxTime);
        out.putIntBE(rawLength);
        for (int c : severityCounts) {
            out.putIntBE(c);
        }
        out.putByte(continues ? 1 : 0);
        out.putIntBE(resourceIds.length);
        for (int id : resourceIds) {
            out.putIntBE(id);
        }
    }

    /** Reads an entry written by {@link #writeTo}, at {@code b[at[0]]}, moving {@code at[0]} past it. */
    static FrameInfo readFrom(byte[] b, int[] at) {
        int p = at[0];
        long offset = (long) Bytes.BE_LONG.get(b, p);
        int length = (int) Bytes.BE_INT.get(b, p + 8);
        long firstSeq = (long) Bytes.BE_LONG.get(b, p + 12);
        int count = (int) Bytes.BE_INT.get(b, p + 20);
        long minTime = (long) Bytes.BE_LONG.get(b, p + 24);
        long maxTime = (long) Bytes.BE_LONG.get(b, p + 32);
        int rawLength = (int) Bytes.BE_INT.get(b, p + 40);
        p += 44;
        int[] severities = new int[Format.SEVERITIES];
        for (int s = 0; s < Format.SEVERITIES; s++, p += 4) {
            severities[s] = (int) Bytes.BE_INT.get(b, p);
        }
        boolean continues = b[p++] != 0;
        int n = (int) Bytes.BE_INT.get(b, p);
        p += 4;
        int[] ids = new int[n];
        for (int r = 0; r < n; r++, p += 4) {
            ids[r] = (int) Bytes.BE_INT.get(b, p);
        }
        at[0] = p;
        return new FrameInfo(offset, length, firstSeq, count, minTime, maxTime, rawLength, severities, ids, continues);
    }
}
