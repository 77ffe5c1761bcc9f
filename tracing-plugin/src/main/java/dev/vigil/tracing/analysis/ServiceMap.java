package dev.vigil.tracing.analysis;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service map: who calls whom, from parent–child span pairs whose services differ (a client span in the caller
 * and the server span it caused in the callee, or any other pair across services). Each edge counts the calls, the
 * failed ones (the child span failed) and the latency of the child spans. Built from the spans of a time window.
 */
public final class ServiceMap {

    private ServiceMap() {}

    /**
     * One caller → callee edge.
     *
     * @param caller the parent span's service
     * @param callee the child span's service
     * @param calls how many calls there were
     * @param errors how many failed
     * @param ratePerSecond calls per second over the window
     * @param p50 the median latency of the calls
     * @param p95 the 95th percentile
     * @param max the slowest call
     */
    public record Edge(String caller, String callee, long calls, long errors, double ratePerSecond, Duration p50, Duration p95,
            Duration max) {

        /** Checks the values. */
        public Edge {
            requireNonNull(caller, "caller is null");
            requireNonNull(callee, "callee is null");
            requireNonNull(p50, "p50 is null");
            requireNonNull(p95, "p95 is null");
            requireNonNull(max, "max is null");
        }

        /** The share of calls that failed, 0 to 1. */
        public double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    /**
     * The edges among {@code spans}, which were started within a window of length {@code window}; sorted by caller,
     * then callee. A span whose parent is not among {@code spans} makes no edge.
     */
    public static List<Edge> of(Iterable<SpanRecord> spans, Duration window) {
        requireNonNull(window, "window is null");
        Map<String, SpanRecord> byId = new HashMap<>();
        for (SpanRecord span : spans) {
            byId.put(span.traceId() + span.spanId(), span);
        }
        Map<List<String>, Calls> edges = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (SpanRecord child : byId.values()) {
            if (child.isRoot()) {
                continue;
            }
            SpanRecord parent = byId.get(child.traceId() + child.parentSpanId());
            if (parent == null || parent.service().equals(child.service())) {
                continue;
            }
            edges.computeIfAbsent(List.of(parent.service(), child.service()), k -> new Calls()).add(child);
        }
        double seconds = Math.max(1e-9, window.toNanos() / 1e9);
        List<Edge> out = new ArrayList<>();
        edges.forEach((key, calls) -> out.add(calls.edge(key.get(0), key.get(1), seconds)));
        return out;
    }

    private static final class Calls {
        private long[] nanos = new long[16];
        private int count;
        private long errors;

        void add(SpanRecord child) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = child.endNanos() - child.startNanos();
            if (child.status().isError()) {
                errors++;
            }
        }

        Edge edge(String caller, String callee, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return new Edge(caller, callee, count, errors, count / seconds, Duration.ofNanos(rank(sorted, 0.5)),
                    Duration.ofNanos(rank(sorted, 0.95)), Duration.ofNanos(sorted[count - 1]));
        }

        /** The nearest-rank percentile. */
        private static long rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
