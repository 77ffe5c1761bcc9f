package dev.vigil.tracing.store;

import dev.vigil.api.traces.TraceSummary;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link TraceSummary} from the fixed columns of a trace's spans, without reading their attributes. A span
 * stored twice (same span id, start and end, as a retried export leaves it) counts once. Not thread-safe.
 */
final class SummaryBuilder {

    final TraceRef trace;
    private final Dictionary dictionary;
    private final Set<SpanKey> seen = new HashSet<>();
    private final TreeSet<String> services = new TreeSet<>();
    private long minStart = Long.MAX_VALUE;
    private long maxEnd = Long.MIN_VALUE;
    private int spans;
    private int errors;
    /** The earliest root span's operation, else the earliest span's. */
    private boolean rootSeen;
    private long headStart = Long.MAX_VALUE;
    private int headOperation = -1;

    private record SpanKey(long spanId, long start, long end) {}

    SummaryBuilder(TraceRef trace, Dictionary dictionary) {
        this.trace = trace;
        this.dictionary = dictionary;
    }

    /** Counts span {@code i}, which is of this trace. */
    void add(FrameSpans s, int i) {
        long start = s.start(i);
        long end = s.end(i);
        if (!seen.add(new SpanKey(s.spanIdBits(i), start, end))) {
            return;
        }
        spans++;
        if (s.isError(i)) {
            errors++;
        }
        minStart = Math.min(minStart, start);
        maxEnd = Math.max(maxEnd, end);
        int op = s.operation(i);
        services.add(FrameSpans.operationOf(dictionary, op).service());
        boolean root = s.isRoot(i);
        if (root && !rootSeen || root == rootSeen && start < headStart) {
            rootSeen |= root;
            headStart = start;
            headOperation = op;
        }
    }

    boolean isEmpty() {
        return spans == 0;
    }

    /** When its earliest span started. */
    long start() {
        return minStart;
    }

    TraceSummary build() {
        Dictionary.Operation head = FrameSpans.operationOf(dictionary, headOperation);
        return new TraceSummary(trace.hex(), head.service(), head.name(), Nanos.instant(minStart), Duration.ofNanos(maxEnd - minStart), spans,
                errors, services);
    }
}
