package dev.vigil.tracing.analysis;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trace's critical path: the chain of work that decided how long the trace took, so that making anything off it
 * faster would not make the trace faster. Walking back from the end of the root span, at each moment the path is in
 * the child that finished last before that moment (and recursively in its children); where no child was running,
 * the parent's own work is on the path. Children that ran past their parent's end are cut at it.
 */
public final class CriticalPath {

    private CriticalPath() {}

    /**
     * One stretch of the path.
     *
     * @param span the span doing the work
     * @param startNanos where the stretch starts
     * @param endNanos where it ends
     */
    public record Segment(SpanRecord span, long startNanos, long endNanos) {

        /** Checks the values. */
        public Segment {
            requireNonNull(span, "span is null");
        }

        /** How long the stretch lasted. */
        public Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    /**
     * The critical path of the trace made of {@code spans}, earliest stretch first; empty when it has no root span.
     * With several roots (a broken trace), the one that ends last is used.
     */
    public static List<Segment> of(List<SpanRecord> spans) {
        Map<String, List<SpanRecord>> children = new HashMap<>();
        Map<String, SpanRecord> byId = new HashMap<>();
        for (SpanRecord span : spans) {
            byId.put(span.spanId(), span);
        }
        Optional<SpanRecord> root = Optional.empty();
        for (SpanRecord span : spans) {
            if (span.isRoot() || !byId.containsKey(span.parentSpanId())) {
                if (span.isRoot() && (root.isEmpty() || span.endNanos() > root.get().endNanos())) {
                    root = Optional.of(span);
                }
            } else {
                children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
            }
        }
        if (root.isEmpty()) {
            return List.of();
        }
        List<Segment> reversed = new ArrayList<>();
        walk(root.get(), root.get().startNanos(), root.get().endNanos(), children, reversed);
        List<Segment> out = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i));
        }
        return out;
    }

    /** Adds, latest first, the path through {@code span} between {@code from} and {@code to}. */
    private static void walk(SpanRecord span, long from, long to, Map<String, List<SpanRecord>> children, List<Segment> out) {
        List<SpanRecord> kids = new ArrayList<>(children.getOrDefault(span.spanId(), List.of()));
        kids.sort(Comparator.comparingLong(SpanRecord::endNanos).reversed());
        long cursor = to;
        for (SpanRecord child : kids) {
            long childEnd = Math.min(child.endNanos(), cursor);
            long childStart = Math.max(child.startNanos(), from);
            if (childEnd <= from || childStart >= cursor || childEnd <= childStart) {
                continue;
            }
            if (childEnd < cursor) {
                out.add(new Segment(span, childEnd, cursor));
            }
            walk(child, childStart, childEnd, children, out);
            cursor = childStart;
        }
        if (cursor > from) {
            out.add(new Segment(span, from, cursor));
        }
    }
}
