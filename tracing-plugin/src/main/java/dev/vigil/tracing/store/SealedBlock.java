package dev.vigil.tracing.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Frames;
import dev.vigil.storage.Segment;
import java.io.IOException;
import java.util.Arrays;

/**
 * A block whose block frame is on disk. Its summary, operations and trace filter (about {@link Bloom#BITS_PER_KEY}
 * bits per distinct trace) stay in memory, so that a trace lookup asks the disk only about blocks that likely hold the
 * trace; its frame table, trace table and attribute filter are read when a query needs them.
 *
 * <p>The block frame's body is the type; the start range, span count, errors and duration range; the resource ids;
 * the operations ({@link OpStats}); the frame table (entry count, byte length, entries); the trace table (trace
 * count, byte length, {@link TraceTable}); the trace filter (word count, words); and the attribute filter (word count,
 * words), at the frame's end. Immutable.
 */
final class SealedBlock extends BlockView {

    private final long[] traceFilter;
    private final long tableOffset;
    private final int tableLength;
    private final int frameCount;
    private final long traceTableOffset;
    private final int traceCount;
    private final long attributeOffset;
    private final int attributeWords;

    private SealedBlock(Segment<BlockView> segment, long minStart, long maxStart, int count, int errors, long minDuration,
            long maxDuration, int[] resourceIds, OpStats[] operations, long[] traceFilter, long tableOffset, int tableLength,
            int frameCount, long traceTableOffset, int traceCount, long attributeOffset, int attributeWords) {
        super(segment, minStart, maxStart, count, errors, minDuration, maxDuration, resourceIds, operations);
        this.traceFilter = traceFilter;
        this.tableOffset = tableOffset;
        this.tableLength = tableLength;
        this.frameCount = frameCount;
        this.traceTableOffset = traceTableOffset;
        this.traceCount = traceCount;
        this.attributeOffset = attributeOffset;
        this.attributeWords = attributeWords;
    }

    /** The block frame of an open block. */
    static byte[] frame(OpenBlock block) {
        long[] keys = TraceTable.sortedKeys(block.traces);
        long[] traceFilter = Bloom.forKeys(keys.length);
        for (long key : keys) {
            Bloom.add(traceFilter, key);
        }
        long[] attributes = Bloom.fold(block.attributes);
        ByteSink out = new ByteSink(Frames.PREFIX + 256 + 128 * block.frameCount + 20 * keys.length
                + 8 * (traceFilter.length + attributes.length) + OpStats.BYTES * block.operations.size());
        Frames.begin(out, Frames.BLOCK);
        out.putLongBE(block.minStart);
        out.putLongBE(block.maxStart);
        out.putIntBE(block.count);
        out.putIntBE(block.errors);
        out.putLongBE(block.minDuration);
        out.putLongBE(block.maxDuration);
        out.putIntBE(block.resourceCount);
        for (int r = 0; r < block.resourceCount; r++) {
            out.putIntBE(block.resourceIds[r]);
        }
        OpStats[] ops = block.operationStats();
        out.putIntBE(ops.length);
        for (OpStats op : ops) {
            op.writeTo(out);
        }
        out.putIntBE(block.frameCount);
        int lengthAt = out.position();
        out.putIntBE(0);
        int tableStart = out.position();
        for (int f = 0; f < block.frameCount; f++) {
            block.frames[f].writeTo(out);
        }
        out.setIntBE(lengthAt, out.position() - tableStart);
        out.putIntBE(keys.length);
        lengthAt = out.position();
        out.putIntBE(0);
        int tracesStart = out.position();
        TraceTable.write(out, keys, block.traces);
        out.setIntBE(lengthAt, out.position() - tracesStart);
        out.putIntBE(traceFilter.length);
        for (long w : traceFilter) {
            out.putLongBE(w);
        }
        out.putIntBE(attributes.length);
        for (long w : attributes) {
            out.putLongBE(w);
        }
        Frames.end(out, 0);
        return out.toByteArray();
    }

    /**
     * Reads the block frame {@code frame} (whole and intact) found at {@code offset} in {@code segment}.
     *
     * @throws IllegalArgumentException if it does not make sense
     */
    static SealedBlock parse(Segment<BlockView> segment, long offset, byte[] frame, int length) {
        int p = Frames.PREFIX + 1;
        long minStart = (long) Bytes.BE_LONG.get(frame, p);
        long maxStart = (long) Bytes.BE_LONG.get(frame, p + 8);
        int count = (int) Bytes.BE_INT.get(frame, p + 16);
        int errors = (int) Bytes.BE_INT.get(frame, p + 20);
        long minDuration = (long) Bytes.BE_LONG.get(frame, p + 24);
        long maxDuration = (long) Bytes.BE_LONG.get(frame, p + 32);
        p += 40;
        int resources = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        check(resources >= 0 && p + 4L * resources + 4 <= length, "resource list");
        int[] ids = new int[resources];
        for (int r = 0; r < resources; r++, p += 4) {
            ids[r] = (int) Bytes.BE_INT.get(frame, p);
        }
        int operations = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        check(operations >= 0 && p + (long) OpStats.BYTES * operations + 8 <= length, "operation list");
        OpStats[] ops = new OpStats[operations];
        for (int o = 0; o < operations; o++, p += OpStats.BYTES) {
            ops[o] = OpStats.readFrom(frame, p);
        }
        int frames = (int) Bytes.BE_INT.get(frame, p);
        int tableLength = (int) Bytes.BE_INT.get(frame, p + 4);
        p += 8;
        check(frames >= 0 && tableLength >= 0 && p + (long) tableLength + 8 <= length, "frame table");
        long tableOffset = offset + p;
        p += tableLength;
        int traces = (int) Bytes.BE_INT.get(frame, p);
        int tracesLength = (int) Bytes.BE_INT.get(frame, p + 4);
        p += 8;
        check(traces >= 0 && tracesLength >= 12L * traces + 4 && p + (long) tracesLength + 4 <= length, "trace table");
        long traceTableOffset = offset + p;
        p += tracesLength;
        int traceWords = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        check(traceWords >= 1 && Integer.bitCount(traceWords) == 1 && p + 8L * traceWords + 4 <= length, "trace filter");
        long[] traceFilter = new long[traceWords];
        for (int w = 0; w < traceWords; w++, p += 8) {
            traceFilter[w] = (long) Bytes.BE_LONG.get(frame, p);
        }
        int attributeWords = (int) Bytes.BE_INT.get(frame, p);
        p += 4;
        check(attributeWords >= 1 && Integer.bitCount(attributeWords) == 1 && p + 8L * attributeWords == length,
                "attribute filter");
        return new SealedBlock(segment, minStart, maxStart, count, errors, minDuration, maxDuration, ids, ops, traceFilter,
                tableOffset, tableLength, frames, traceTableOffset, traces, offset + p, attributeWords);
    }

    private static void check(boolean ok, String part) {
        if (!ok) {
            throw new IllegalArgumentException("a block frame's " + part + " is damaged");
        }
    }

    @Override
    FrameInfo[] frames(Reader reader) throws IOException {
        byte[] table = reader.bytes(segment, tableOffset, tableLength);
        FrameInfo[] out = new FrameInfo[frameCount];
        int[] at = {0};
        try {
            for (int f = 0; f < frameCount; f++) {
                out[f] = FrameInfo.readFrom(table, at);
            }
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IOException("the frame table of a block in " + segment.file().path() + " is damaged", e);
        }
        return out;
    }

    @Override
    boolean mayHoldTrace(long key) {
        return Bloom.mightContain(traceFilter, key);
    }

    @Override
    int[] traceFrames(Reader reader, long key) throws IOException {
        return TraceTable.find(reader, segment, traceTableOffset, traceCount, key);
    }

    @Override
    boolean mayHoldAttribute(Reader reader, long hash) throws IOException {
        long word = reader.longAt(segment, attributeOffset + 8L * Bloom.word(hash, attributeWords));
        long mask = Bloom.mask(hash);
        return (word & mask) == mask;
    }
}
