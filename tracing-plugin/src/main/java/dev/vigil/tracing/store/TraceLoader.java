package dev.vigil.tracing.store;

import dev.vigil.api.traces.SpanRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the spans of given traces. A block is asked only if its trace filter (in memory) lets the trace through; its
 * trace table then names the frames to decompress, and the spans there are checked by their full trace id. Several
 * traces are looked up in one pass, each frame read once. One per query; not thread-safe.
 */
final class TraceLoader {

    private final List<BlockView> blocks;
    private final Dictionary dictionary;
    private final Reader reader;

    TraceLoader(List<BlockView> blocks, Dictionary dictionary, Reader reader) {
        this.blocks = blocks;
        this.dictionary = dictionary;
        this.reader = reader;
    }

    /** Called with each stored span of a trace asked for. */
    @FunctionalInterface
    interface Visitor {
        void span(TraceRef trace, FrameSpans spans, int i);
    }

    /** Every stored span of {@code trace}, earliest start first, a span stored twice only once. */
    List<SpanRecord> trace(TraceRef trace) throws IOException {
        List<SpanRecord> out = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        visit(List.of(trace), (t, s, i) -> {
            if (seen.add(List.of(s.spanIdBits(i), s.start(i), s.end(i)))) {
                out.add(s.span(i, dictionary));
            }
        });
        out.sort(Comparator.comparingLong(SpanRecord::startNanos));
        return out;
    }

    /** The summaries of {@code traces}; a trace with no stored span is left out. */
    Map<TraceRef, SummaryBuilder> summaries(Collection<TraceRef> traces) throws IOException {
        Map<TraceRef, SummaryBuilder> out = new HashMap<>();
        for (TraceRef t : traces) {
            out.put(t, new SummaryBuilder(t, dictionary));
        }
        visit(traces, (t, s, i) -> out.get(t).add(s, i));
        out.values().removeIf(SummaryBuilder::isEmpty);
        return out;
    }

    /** Calls {@code visitor} with every stored span of {@code traces}, in no particular order. */
    void visit(Collection<TraceRef> traces, Visitor visitor) throws IOException {
        Map<Long, List<TraceRef>> byKey = new HashMap<>();
        for (TraceRef t : traces) {
            byKey.computeIfAbsent(t.key(), k -> new ArrayList<>(1)).add(t);
        }
        TreeSet<Integer> wanted = new TreeSet<>();
        for (BlockView block : blocks) {
            wanted.clear();
            for (Long key : byKey.keySet()) {
                if (block.mayHoldTrace(key)) {
                    for (int f : block.traceFrames(reader, key)) {
                        wanted.add(f);
                    }
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            FrameInfo[] frames = block.frames(reader);
            for (int f : wanted) {
                if (f >= frames.length) {
                    continue;
                }
                FrameSpans spans = reader.load(block.segment, frames[f]);
                if (spans == null) {
                    continue;
                }
                for (int i = 0; i < spans.n; i++) {
                    List<TraceRef> candidates = byKey.get(spans.traceKey(i));
                    if (candidates == null) {
                        continue;
                    }
                    for (TraceRef t : candidates) {
                        if (t.is(spans, i)) {
                            visitor.span(t, spans, i);
                        }
                    }
                }
            }
        }
    }
}
