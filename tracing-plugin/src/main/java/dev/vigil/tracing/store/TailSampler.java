package dev.vigil.tracing.store;

import dev.vigil.api.traces.SpanRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds spans until their trace is decided, then says which to store: the rules of
 * {@link TraceStoreSettings.TailSampling}. A trace is due once it has had no new span for the decision wait (by the
 * store's clock). Decisions are remembered for a while, so that a span arriving after its trace was decided gets the
 * same fate as the rest; a trace forgotten by then is held and decided again (a fast one again by its id, so the same
 * way). At most {@value #MAX_HELD_SPANS} spans are held; past that the traces whose last span came longest ago are decided
 * early.
 * Thread-safe; what it returns is stored by the caller, outside its lock.
 */
final class TailSampler {

    /** The most spans held at once. */
    static final int MAX_HELD_SPANS = 500_000;
    /** The most decisions remembered. */
    static final int MAX_DECISIONS = 200_000;

    private static final long SEED = 0x5A3C_96E1_0F4B_D287L;

    private final Clock clock;
    private final long waitMillis;
    private final long thresholdNanos;
    /** A trace is sampled when the top 53 bits of its hash are below this. */
    private final long sampleBound;
    private final long rememberMillis;
    private final int maxHeld;

    /** Traces held, the one whose last span came longest ago first. */
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
    /** Decisions made, the oldest first. */
    private final LinkedHashMap<String, Decision> decided = new LinkedHashMap<>();
    private int heldSpans;
    private boolean drained;
    private long keptTraces;
    private long droppedTraces;
    private long droppedSpans;

    TailSampler(TraceStoreSettings.TailSampling settings, Clock clock) {
        this(settings, clock, MAX_HELD_SPANS);
    }

    /** A sampler that holds at most {@code maxHeld} spans: a small bound for tests. */
    TailSampler(TraceStoreSettings.TailSampling settings, Clock clock, int maxHeld) {
        this.clock = clock;
        this.maxHeld = maxHeld;
        this.waitMillis = settings.decisionWait().toMillis();
        this.thresholdNanos = Nanos.of(settings.latencyThreshold());
        this.sampleBound = (long) Math.ceil(settings.sampleRate() * (1L << 53));
        this.rememberMillis = Math.max(10 * waitMillis, 5 * 60_000L);
    }

    private static final class Held {
        final List<SpanRecord> spans = new ArrayList<>();
        long lastArrival;
        boolean error;
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
    }

    private record Decision(boolean keep, long at) {}

    /**
     * Takes {@code spans}: decides the traces that are due, holds the spans of undecided traces, and returns the spans
     * to store: those of the traces just decided to be kept, and those of traces decided to be kept before.
     */
    synchronized List<SpanRecord> offer(List<SpanRecord> spans) {
        if (drained) {
            throw new IllegalStateException("the trace store is closed");
        }
        long now = clock.millis();
        List<SpanRecord> out = new ArrayList<>();
        forget(now);
        // a trace past its wait is decided before any new span is taken, whenever maintenance last ran
        decideDue(now, out, false);
        for (SpanRecord span : spans) {
            Decision d = decided.get(span.traceId());
            if (d != null) {
                if (d.keep) {
                    out.add(span);
                } else {
                    droppedSpans++;
                }
                continue;
            }
            // taken out and put back, so the map stays in the order of each trace's last arrival
            Held h = held.remove(span.traceId());
            if (h == null) {
                h = new Held();
            }
            held.put(span.traceId(), h);
            h.spans.add(span);
            h.lastArrival = now;
            h.error |= span.status().isError();
            h.minStart = Math.min(h.minStart, span.startNanos());
            h.maxEnd = Math.max(h.maxEnd, span.endNanos());
            heldSpans++;
        }
        decideDue(now, out, false);
        return out;
    }

    /** Decides the traces that are due; returns the spans to store. */
    synchronized List<SpanRecord> due() {
        long now = clock.millis();
        forget(now);
        List<SpanRecord> out = new ArrayList<>();
        decideDue(now, out, false);
        return out;
    }

    /** Decides every trace held, due or not, when the store closes; returns the spans to store. */
    synchronized List<SpanRecord> drain() {
        drained = true;
        List<SpanRecord> out = new ArrayList<>();
        decideDue(clock.millis(), out, true);
        return out;
    }

    private void decideDue(long now, List<SpanRecord> out, boolean all) {
        Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Held> e = it.next();
            Held h = e.getValue();
            if (!all && now - h.lastArrival < waitMillis && heldSpans <= maxHeld) {
                break;
            }
            it.remove();
            heldSpans -= h.spans.size();
            boolean keep = keeps(e.getKey(), h);
            if (keep) {
                keptTraces++;
                out.addAll(h.spans);
            } else {
                droppedTraces++;
                droppedSpans += h.spans.size();
            }
            decided.put(e.getKey(), new Decision(keep, now));
        }
        while (decided.size() > MAX_DECISIONS) {
            Iterator<String> oldest = decided.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private boolean keeps(String traceId, Held h) {
        return h.error || h.maxEnd - h.minStart > thresholdNanos || sampled(traceId);
    }

    /** Whether a trace that neither failed nor was slow is kept: the same answer for the same id, every time. */
    boolean sampled(String traceId) {
        long h = Hashes.mix(TraceIds.half(traceId, 16) ^ Long.rotateLeft(TraceIds.half(traceId, 0), 23) ^ SEED);
        h = Hashes.mix(h + SEED);
        return h >>> 11 < sampleBound;
    }

    private void forget(long now) {
        Iterator<Decision> it = decided.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().at < rememberMillis) {
                return;
            }
            it.remove();
        }
    }

    /** How many spans are held now. */
    synchronized int heldSpans() {
        return heldSpans;
    }

    /** Traces kept and dropped so far, and spans dropped (those of dropped traces, and late ones of dropped traces). */
    synchronized long[] counts() {
        return new long[] {keptTraces, droppedTraces, droppedSpans};
    }
}
