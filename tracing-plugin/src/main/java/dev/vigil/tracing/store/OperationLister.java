package dev.vigil.tracing.store;

import dev.vigil.api.traces.TraceQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Finds which operations have spans started in a time range, from the operation counts of the block indexes (in
 * memory) rather than from spans. An operation whose earliest or latest start in a block is in the range surely has
 * a span there; one whose starts in a block straddle the whole range is checked by reading the block's frames of
 * that operation, which is rare since a block covers a short time. One per query; not thread-safe.
 */
final class OperationLister {

    private final Reader reader;
    private final long from;
    private final long to;

    OperationLister(Reader reader, long from, long to) {
        this.reader = reader;
        this.from = from;
        this.to = to;
    }

    /** The ids of the operations that {@code wanted} accepts with a span started in the range. */
    BitSet list(List<BlockView> blocks, IntPredicate wanted) throws IOException {
        BitSet found = new BitSet();
        if (to <= from) {
            return found;
        }
        List<BlockView> unsure = new ArrayList<>();
        List<OpStats> unsureOps = new ArrayList<>();
        for (BlockView b : blocks) {
            if (b.maxStart < from || b.minStart >= to) {
                continue;
            }
            for (OpStats op : b.operations) {
                if (found.get(op.operation) || op.maxStart < from || op.minStart >= to || !wanted.test(op.operation)) {
                    continue;
                }
                if (op.minStart >= from || op.maxStart < to) {
                    found.set(op.operation);
                } else {
                    unsure.add(b);
                    unsureOps.add(op);
                }
            }
        }
        for (int k = 0; k < unsure.size(); k++) {
            int id = unsureOps.get(k).operation;
            if (!found.get(id) && hasSpanInRange(unsure.get(k), id)) {
                found.set(id);
            }
        }
        return found;
    }

    /** The distinct services of the operations {@code ids}, sorted. */
    static List<String> services(BitSet ids, Dictionary dictionary) {
        TreeSet<String> out = new TreeSet<>();
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            Dictionary.Operation op = dictionary.operation(id);
            if (op != null) {
                out.add(op.service());
            }
        }
        return List.copyOf(out);
    }

    /** The distinct names and kinds of the operations {@code ids}, sorted by name, then kind. */
    static List<TraceQuery.Operation> operations(BitSet ids, Dictionary dictionary) {
        TreeSet<TraceQuery.Operation> out = new TreeSet<>(
                Comparator.comparing(TraceQuery.Operation::name).thenComparing(TraceQuery.Operation::kind));
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            Dictionary.Operation op = dictionary.operation(id);
            if (op != null) {
                out.add(new TraceQuery.Operation(op.name(), op.kind()));
            }
        }
        return List.copyOf(out);
    }

    private boolean hasSpanInRange(BlockView block, int operation) throws IOException {
        for (FrameInfo f : block.frames(reader)) {
            if (f.maxStart() < from || f.minStart() >= to || !contains(f.operationIds(), operation)) {
                continue;
            }
            FrameSpans spans = reader.load(block.segment, f);
            if (spans == null) {
                continue;
            }
            for (int i = 0; i < spans.n; i++) {
                long start = spans.start(i);
                if (spans.operation(i) == operation && start >= from && start < to) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
