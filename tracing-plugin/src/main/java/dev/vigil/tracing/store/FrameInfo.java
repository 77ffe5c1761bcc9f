package dev.vigil.tracing.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.DataFrame;
import dev.vigil.storage.Frames;

/**
 * Where a data frame is and what its header says: enough to skip it without reading it. Immutable.
 *
 * @param offset where the frame starts in its segment
 * @param length the whole frame's bytes, prefix included
 * @param count how many spans it holds
 * @param minStart the earliest span start
 * @param maxStart the latest span start
 * @param rawLength the bytes of its spans once decompressed
 * @param errors how many of its spans failed
 * @param minDuration the shortest span
 * @param maxDuration the longest span
 * @param operationIds the distinct operations of its spans
 * @param resourceIds the distinct resources of its spans
 * @param continues whether the next data frame holds more of the same batch
 */
record FrameInfo(long offset, int length, int count, long minStart, long maxStart, int rawLength, int errors,
        long minDuration, long maxDuration, int[] operationIds, int[] resourceIds, boolean continues) implements DataFrame {

    /** The earliest span start: spans are ordered and retained by their start. */
    @Override
    public long minTime() {
        return minStart;
    }

    /** The latest span start. */
    @Override
    public long maxTime() {
        return maxStart;
    }

    /** Where the compressed spans start, from the frame's start. */
    @Override
    public int payloadOffset() {
        return Frames.PREFIX + Format.DATA_FIXED + 4 * (operationIds.length + resourceIds.length);
    }

    /** Writes the header of a data frame at {@code o[start + 8]}; the payload follows it. */
    static void writeHeader(byte[] o, int start, boolean continues, int count, long minStart, long maxStart, int rawLength,
            int errors, long minDuration, long maxDuration, int[] operationIds, int operations, int[] resourceIds,
            int resources) {
        int p = start + Frames.PREFIX;
        o[p] = Frames.DATA;
        o[p + 1] = (byte) (continues ? Format.FLAG_CONTINUES : 0);
        Bytes.BE_INT.set(o, p + 2, count);
        Bytes.BE_LONG.set(o, p + 6, minStart);
        Bytes.BE_LONG.set(o, p + 14, maxStart);
        Bytes.BE_INT.set(o, p + 22, rawLength);
        Bytes.BE_INT.set(o, p + 26, errors);
        Bytes.BE_LONG.set(o, p + 30, minDuration);
        Bytes.BE_LONG.set(o, p + 38, maxDuration);
        Bytes.BE_INT.set(o, p + 46, operations);
        Bytes.BE_INT.set(o, p + 50, resources);
        p += Format.DATA_FIXED;
        for (int k = 0; k < operations; k++, p += 4) {
            Bytes.BE_INT.set(o, p, operationIds[k]);
        }
        for (int k = 0; k < resources; k++, p += 4) {
            Bytes.BE_INT.set(o, p, resourceIds[k]);
        }
    }

    /**
     * Reads the header of the data frame whose bytes start at {@code frame[0]}.
     *
     * @throws IllegalArgumentException if the header does not make sense
     */
    static FrameInfo parse(byte[] frame, int available, long offset) {
        int p = Frames.PREFIX;
        if (available < p + Format.DATA_FIXED || frame[p] != Frames.DATA) {
            throw new IllegalArgumentException("not a data frame");
        }
        int length = (int) Bytes.BE_INT.get(frame, 0) + Frames.PREFIX;
        boolean continues = (frame[p + 1] & Format.FLAG_CONTINUES) != 0;
        int count = (int) Bytes.BE_INT.get(frame, p + 2);
        long minStart = (long) Bytes.BE_LONG.get(frame, p + 6);
        long maxStart = (long) Bytes.BE_LONG.get(frame, p + 14);
        int rawLength = (int) Bytes.BE_INT.get(frame, p + 22);
        int errors = (int) Bytes.BE_INT.get(frame, p + 26);
        long minDuration = (long) Bytes.BE_LONG.get(frame, p + 30);
        long maxDuration = (long) Bytes.BE_LONG.get(frame, p + 38);
        int operations = (int) Bytes.BE_INT.get(frame, p + 46);
        int resources = (int) Bytes.BE_INT.get(frame, p + 50);
        if (count < 1 || rawLength < (long) count * FrameSpans.COLUMNS || operations < 0 || resources < 0
                || p + Format.DATA_FIXED + 4L * (operations + (long) resources) > Math.min(available, length)) {
            throw new IllegalArgumentException("a data frame header is damaged");
        }
        p += Format.DATA_FIXED;
        int[] ops = new int[operations];
        for (int k = 0; k < operations; k++, p += 4) {
            ops[k] = (int) Bytes.BE_INT.get(frame, p);
        }
        int[] res = new int[resources];
        for (int k = 0; k < resources; k++, p += 4) {
            res[k] = (int) Bytes.BE_INT.get(frame, p);
        }
        return new FrameInfo(offset, length, count, minStart, maxStart, rawLength, errors, minDuration, maxDuration, ops, res,
                continues);
    }

    /** Writes the entry of this frame in a block's frame table. */
    void writeTo(ByteSink out) {
        out.putLongBE(offset);
        out.putIntBE(length);
        out.putIntBE(count);
        out.putLongBE(minStart);
        out.putLongBE(maxStart);
        out.putIntBE(rawLength);
        out.putIntBE(errors);
        out.putLongBE(minDuration);
        out.putLongBE(maxDuration);
        out.putByte(continues ? 1 : 0);
        out.putIntBE(operationIds.length);
        for (int id : operationIds) {
            out.putIntBE(id);
        }
        out.putIntBE(resourceIds.length);
        for (int id : resourceIds) {
            out.putIntBE(id);
        }
    }

    /** Reads an entry written by {@link #writeTo} at {@code b[at[0]]}, moving {@code at[0]} past it. */
    static FrameInfo readFrom(byte[] b, int[] at) {
        int p = at[0];
        long offset = (long) Bytes.BE_LONG.get(b, p);
        int length = (int) Bytes.BE_INT.get(b, p + 8);
        int count = (int) Bytes.BE_INT.get(b, p + 12);
        long minStart = (long) Bytes.BE_LONG.get(b, p + 16);
        long maxStart = (long) Bytes.BE_LONG.get(b, p + 24);
        int rawLength = (int) Bytes.BE_INT.get(b, p + 32);
        int errors = (int) Bytes.BE_INT.get(b, p + 36);
        long minDuration = (long) Bytes.BE_LONG.get(b, p + 40);
        long maxDuration = (long) Bytes.BE_LONG.get(b, p + 48);
        boolean continues = b[p + 56] != 0;
        p += 57;
        int[] ops = new int[(int) Bytes.BE_INT.get(b, p)];
        p += 4;
        for (int k = 0; k < ops.length; k++, p += 4) {
            ops[k] = (int) Bytes.BE_INT.get(b, p);
        }
        int[] res = new int[(int) Bytes.BE_INT.get(b, p)];
        p += 4;
        for (int k = 0; k < res.length; k++, p += 4) {
            res[k] = (int) Bytes.BE_INT.get(b, p);
        }
        at[0] = p;
        return new FrameInfo(offset, length, count, minStart, maxStart, rawLength, errors, minDuration, maxDuration, ops, res,
                continues);
    }
}
