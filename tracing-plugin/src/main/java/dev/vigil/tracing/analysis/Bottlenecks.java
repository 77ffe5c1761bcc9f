package dev.vigil.tracing.analysis;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an operation's time goes: across many spans of one operation (a service and span name), the child
 * operations that account for most of it. A child's time is the part of it that lies on its parent's critical path,
 * so work done in parallel with slower work does not count; what no child covers is the operation's own work.
 */
public final class Bottlenecks {

    /** The name under which an operation's own work is listed. */
    public static final String SELF = "(self)";

    private Bottlenecks() {}

    /**
     * One contributor to an operation's time.
     *
     * @param service the child's service, or the operation's own for {@link #SELF}
     * @param operation the child's span name, or {@link #SELF}
     * @param total the time it accounts for, summed over the operation's spans
     * @param share that time over the operation's total time, 0 to 1
     * @param spans in how many of the operation's spans it took part
     */
    public record Contributor(String service, String operation, Duration total, double share, long spans) {
        /** Checks the values. */
        public Contributor {
            requireNonNull(service, "service is null");
            requireNonNull(operation, "operation is null");
            requireNonNull(total, "total is null");
        }
    }

    /**
     * The contributors to the time of the spans of {@code service}'s {@code operation} among {@code traces} (each a
     * trace's spans), largest first.
     */
    public static List<Contributor> of(String service, String operation, Iterable<List<SpanRecord>> traces) {
        Map<List<String>, long[]> totals = new HashMap<>();
        long all = 0;
        for (List<SpanRecord> trace : traces) {
            Map<String, List<SpanRecord>> children = new HashMap<>();
            for (SpanRecord span : trace) {
                if (!span.isRoot()) {
                    children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
                }
            }
            for (SpanRecord span : trace) {
                if (!span.service().equals(service) || !span.name().equals(operation)) {
                    continue;
                }
                all += span.endNanos() - span.startNanos();
                List<SpanRecord> subtree = new ArrayList<>();
                subtree.add(new SpanRecord(span.traceId(), span.spanId(), "", span.name(), span.kind(), span.startNanos(),
                        span.endNanos(), span.status(), span.resource(), span.scope(), span.attributes(), List.of(), List.of()));
                subtree.addAll(children.getOrDefault(span.spanId(), List.of()));
                Map<List<String>, Boolean> seen = new HashMap<>();
                for (CriticalPath.Segment segment : CriticalPath.of(subtree)) {
                    boolean self = segment.span().spanId().equals(span.spanId());
                    List<String> key = self ? List.of(service, SELF) : List.of(segment.span().service(), segment.span().name());
                    long[] t = totals.computeIfAbsent(key, k -> new long[2]);
                    t[0] += segment.endNanos() - segment.startNanos();
                    if (seen.put(key, Boolean.TRUE) == null) {
                        t[1]++;
                    }
                }
            }
        }
        List<Contributor> out = new ArrayList<>();
        double sum = all;
        totals.forEach((key, t) -> out.add(new Contributor(key.get(0), key.get(1), Duration.ofNanos(t[0]), sum == 0 ? 0 : t[0] / sum, t[1])));
        out.sort(Comparator.comparing(Contributor::total).reversed().thenComparing(Contributor::operation));
        return out;
    }
}
