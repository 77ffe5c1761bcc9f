package dev.vigil.logging.store;

import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.storage.Segment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Runs one page of a search. Blocks and frames are visited in the order of the time bound that matters for the
 * direction (earliest start first when oldest first, latest end first when newest first), expanding a block into
 * its frames only when it comes up; the best {@code limit + 1} records so far are kept, and the walk stops at the
 * first block or frame that cannot beat the worst of them. Records may be stored in any time order: only the bounds
 * of blocks and frames are relied on. Not thread-safe; one per search.
 */
final class Searcher {

    private final QueryPlan plan;
    private final ResourceTable resources;
    private final Reader reader = new Reader();
    private final boolean forward;
    private final int keep;
    private final @Nullable Cursor after;
    private final long lo;
    private final long hi;

    /** A block or a frame still to visit. */
    private record Unit(@Nullable BlockView block, @Nullable FrameInfo frame, Segment<BlockView> segment, long minTime,
            long maxTime) {}

    private record Hit(long time, long seq, LogRecord record) {}

    Searcher(QueryPlan plan, ResourceTable resources, LogSearch search, @Nullable Cursor after) {
        this.plan = plan;
        this.resources = resources;
        this.forward = search.direction() == LogSearch.Direction.FORWARD;
        this.keep = search.limit() + 1;
        this.after = after;
        long from = plan.from;
        long to = plan.to;
        if (after != null) {
            if (forward) {
                from = Math.max(from, after.time());
            } else {
                to = Math.min(to, after.time() == Long.MAX_VALUE ? Long.MAX_VALUE : after.time() + 1);
            }
        }
        this.lo = from;
        this.hi = to;
    }

    /** The page, and the position of its last record when there are more. */
    record Result(List<LogRecord> records, @Nullable Cursor next) {}

    Result run(List<BlockView> blocks) throws IOException {
        if (plan.matchesNothing || lo >= hi) {
            return new Result(List.of(), null);
        }
        Comparator<Unit> order = forward ? Comparator.comparingLong(Unit::minTime)
                : Comparator.comparingLong(Unit::maxTime).reversed();
        PriorityQueue<Unit> units = new PriorityQueue<>(order);
        for (BlockView b : blocks) {
            if (overlaps(b.minTime, b.maxTime) && plan.blockMayMatch(b, reader)) {
                units.add(new Unit(b, null, b.segment, b.minTime, b.maxTime));
            }
        }
        // the worst kept hit on top
        Comparator<Hit> best = forward
                ? Comparator.comparingLong(Hit::time).thenComparingLong(Hit::seq)
                : Comparator.comparingLong(Hit::time).thenComparingLong(Hit::seq).reversed();
        PriorityQueue<Hit> hits = new PriorityQueue<>(best.reversed());
        while (!units.isEmpty()) {
            Unit u = units.poll();
            if (hits.size() == keep) {
                Hit worst = hits.peek();
                if (forward ? u.minTime > worst.time : u.maxTime < worst.time) {
                    break;
                }
            }
            if (u.block != null) {
                for (FrameInfo f : u.block.frames(reader)) {
                    if (overlaps(f.minTime(), f.maxTime()) && plan.frameMayMatch(f)) {
                        units.add(new Unit(null, f, u.segment, f.minTime(), f.maxTime()));
                    }
                }
            } else {
                scan(u.segment, u.frame, hits);
            }
        }
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(best);
        List<LogRecord> page = new ArrayList<>(Math.min(sorted.size(), keep - 1));
        for (int i = 0; i < sorted.size() && i < keep - 1; i++) {
            page.add(sorted.get(i).record);
        }
        Cursor next = null;
        if (sorted.size() == keep) {
            Hit last = sorted.get(keep - 2);
            next = new Cursor(last.time, last.seq);
        }
        return new Result(page, next);
    }

    private boolean overlaps(long min, long max) {
        return max >= lo && min < hi;
    }

    private void scan(Segment<BlockView> segment, @Nullable FrameInfo frame, PriorityQueue<Hit> hits) throws IOException {
        FrameData d = reader.load(segment, java.util.Objects.requireNonNull(frame));
        if (d == null) {
            return;
        }
        plan.startFrame(d);
        for (int i = 0; i < d.n; i++) {
            long t = d.time(i);
            if (t < lo || t >= hi) {
                continue;
            }
            long seq = d.seq(i);
            if (after != null && t == after.time() && (forward ? seq <= after.seq() : seq >= after.seq())) {
                continue;
            }
            if (hits.size() == keep) {
                Hit worst = hits.peek();
                boolean better = forward ? t < worst.time || t == worst.time && seq < worst.seq
                        : t > worst.time || t == worst.time && seq > worst.seq;
                if (!better) {
                    continue;
                }
            }
            if (!plan.matches(d, i)) {
                continue;
            }
            hits.add(new Hit(t, seq, d.record(i, resources)));
            if (hits.size() > keep) {
                hits.poll();
            }
        }
    }

    /** The page for {@code search}, with its next cursor written for this store. */
    static LogPage page(Result result, long storeId, LogSearch search) {
        Cursor next = result.next();
        return new LogPage(result.records(), next == null ? Optional.empty() : Optional.of(next.encode(storeId, search)));
    }
}
