package dev.vigil.tracing.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.TraceSummary;
import dev.vigil.storage.Segment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a search: the {@code limit} traces with a matching span that started most recently (by their earliest span),
 * ties broken by trace id.
 *
 * <p>Blocks and frames are visited latest start first, a block expanded into its frames only when it comes up. Each
 * trace with a matching span is summarised from all its spans (wherever they are stored) as soon as it is found, and the
 * best {@code limit} are kept. A trace starts no later than any of its spans, so once {@code limit} are kept, a
 * matching span that started before the worst of them cannot bring in a better trace, and the walk stops at the first
 * block or frame whose latest start is before it. Spans may be stored in any time order: only the bounds of blocks and
 * frames are relied on. One per query; not thread-safe.
 */
final class TraceSearcher {

    /** Newest first, then by trace id. */
    static final Comparator<SummaryBuilder> ORDER = (a, b) -> {
        int c = Long.compare(b.start(), a.start());
        if (c == 0) {
            c = Long.compareUnsigned(a.trace.hi(), b.trace.hi());
        }
        return c != 0 ? c : Long.compareUnsigned(a.trace.lo(), b.trace.lo());
    };

    private final SearchPlan plan;
    private final TraceLoader loader;
    private final Reader reader;
    private final int limit;

    /** A block or a frame still to visit. */
    private record Unit(@Nullable BlockView block, @Nullable FrameInfo frame, Segment<BlockView> segment, long maxStart) {}

    TraceSearcher(SearchPlan plan, TraceLoader loader, Reader reader, int limit) {
        this.plan = plan;
        this.loader = loader;
        this.reader = reader;
        this.limit = limit;
    }

    List<TraceSummary> run(List<BlockView> blocks) throws IOException {
        if (plan.matchesNothing) {
            return List.of();
        }
        PriorityQueue<Unit> units = new PriorityQueue<>(Comparator.comparingLong(Unit::maxStart).reversed());
        for (BlockView b : blocks) {
            if (plan.blockMayMatch(b, reader)) {
                units.add(new Unit(b, null, b.segment, b.maxStart));
            }
        }
        // the worst kept trace on top
        PriorityQueue<SummaryBuilder> kept = new PriorityQueue<>(ORDER.reversed());
        Set<TraceRef> seen = new HashSet<>();
        Set<TraceRef> found = new LinkedHashSet<>();
        while (!units.isEmpty()) {
            Unit u = units.poll();
            if (kept.size() == limit && u.maxStart < kept.peek().start()) {
                break;
            }
            if (u.block != null) {
                for (FrameInfo f : u.block.frames(reader)) {
                    if (plan.frameMayMatch(f)) {
                        units.add(new Unit(null, f, u.segment, f.maxStart()));
                    }
                }
                continue;
            }
            FrameSpans spans = reader.load(u.segment, requireNonNull(u.frame));
            if (spans == null) {
                continue;
            }
            found.clear();
            for (int i = 0; i < spans.n; i++) {
                if (kept.size() == limit && spans.start(i) < kept.peek().start()) {
                    continue;
                }
                if (plan.matches(spans, i)) {
                    TraceRef t = TraceRef.of(spans, i);
                    if (seen.add(t)) {
                        found.add(t);
                    }
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            // the loader reuses the reader's buffers: the frame's spans are not read after this
            for (SummaryBuilder s : loader.summaries(new ArrayList<>(found)).values()) {
                kept.add(s);
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        List<SummaryBuilder> sorted = new ArrayList<>(kept);
        sorted.sort(ORDER);
        List<TraceSummary> out = new ArrayList<>(sorted.size());
        for (SummaryBuilder s : sorted) {
            out.add(s.build());
        }
        return out;
    }
}
