package dev.vigil.tracing.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Segment;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The table of a sealed block that says which of its frames hold spans of each trace: the distinct trace keys, sorted
 * ({@code 8n} bytes), the offsets of their postings ({@code 4(n + 1)} bytes, from the start of the postings), then
 * the postings: each trace's frame indexes as varints, the first as it is and the rest as the difference to the one
 * before. A lookup searches the keys by halving, reading eight bytes at a time from the file, and reads one posting.
 */
final class TraceTable {

    private TraceTable() {}

    /** The sorted keys of {@code traces}. */
    static long[] sortedKeys(Map<Long, int[]> traces) {
        long[] keys = new long[traces.size()];
        int k = 0;
        for (Long key : traces.keySet()) {
            keys[k++] = key;
        }
        Arrays.sort(keys);
        return keys;
    }

    /** Writes the table of {@code traces}, whose keys are {@code keys}. */
    static void write(ByteSink out, long[] keys, Map<Long, int[]> traces) {
        int n = keys.length;
        for (long key : keys) {
            out.putLongBE(key);
        }
        int offsetsAt = out.position();
        out.skip(4 * (n + 1));
        int postings = out.position();
        for (int k = 0; k < n; k++) {
            out.setIntBE(offsetsAt + 4 * k, out.position() - postings);
            int previous = 0;
            for (int frame : traces.get(keys[k])) {
                out.putVarint(frame - previous);
                previous = frame;
            }
        }
        out.setIntBE(offsetsAt + 4 * n, out.position() - postings);
    }

    /**
     * The frame indexes of the trace with {@code key} in the table of {@code n} traces at {@code offset} of
     * {@code segment}, or an empty array.
     */
    static int[] find(Reader reader, Segment<BlockView> segment, long offset, int n, long key) throws IOException {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = reader.longAt(segment, offset + 8L * mid);
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return postings(reader, segment, offset, n, mid);
            }
        }
        return new int[0];
    }

    private static int[] postings(Reader reader, Segment<BlockView> segment, long offset, int n, int index) throws IOException {
        long offsets = offset + 8L * n;
        long pair = reader.longAt(segment, offsets + 4L * index);
        int from = (int) (pair >>> 32);
        int to = (int) pair;
        if (from < 0 || to < from) {
            throw new IOException("a trace table in " + segment.file().path() + " is damaged");
        }
        byte[] b = reader.bytes(segment, offsets + 4L * (n + 1) + from, to - from);
        int[] out = new int[to - from];
        int count = 0;
        int[] at = {0};
        int frame = 0;
        while (at[0] < b.length) {
            frame += Bytes.varint(b, at);
            out[count++] = frame;
        }
        return Arrays.copyOf(out, count);
    }
}
