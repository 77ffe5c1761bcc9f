package dev.vigil.logging.store;

import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.Severity;
import dev.vigil.storage.Segment;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the records of a filter by severity in buckets of a step. When the filter looks only at time, severity and
 * resource, a block or frame that lies within one bucket and whose resources all pass is counted from its header,
 * without being read. Not thread-safe; one per count.
 */
final class Counter {

    /** The most buckets one count may have. */
    static final int MAX_BUCKETS = 11_000;

    private final QueryPlan plan;
    private final Reader reader = new Reader();
    private final long step;
    private final int buckets;
    private final long[] counts;

    /**
     * @throws IllegalArgumentException if {@code step} is not positive or makes more than {@value #MAX_BUCKETS}
     *     buckets
     */
    Counter(QueryPlan plan, Duration step) {
        this.plan = plan;
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the step must be positive, got " + step);
        }
        long nanos;
        try {
            nanos = step.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        this.step = nanos;
        long range = plan.to - plan.from; // unsigned: to >= from
        long n = Long.divideUnsigned(range, nanos) + (Long.remainderUnsigned(range, nanos) != 0 ? 1 : 0);
        if (Long.compareUnsigned(n, MAX_BUCKETS) > 0) {
            throw new IllegalArgumentException("a step of " + step + " from " + plan.filter.from() + " to "
                    + plan.filter.to() + " makes " + Long.toUnsignedString(n) + " buckets; at most " + MAX_BUCKETS
                    + " are allowed, so take a larger step");
        }
        this.buckets = (int) n;
        this.counts = new long[buckets * Format.SEVERITIES];
    }

    private int bucket(long time) {
        return (int) Long.divideUnsigned(time - plan.from, step);
    }

    void count(List<BlockView> blocks) throws IOException {
        if (buckets == 0 || plan.matchesNothing) {
            return;
        }
        for (BlockView b : blocks) {
            if (b.maxTime < plan.from || b.minTime >= plan.to || !plan.blockMayMatch(b, reader)) {
                continue;
            }
            if (fromHeader(b.minTime, b.maxTime, b.resourceIds)) {
                add(bucket(b.minTime), b.severityCounts);
                continue;
            }
            for (FrameInfo f : b.frames(reader)) {
                if (f.maxTime() < plan.from || f.minTime() >= plan.to || !plan.frameMayMatch(f)) {
                    continue;
                }
                if (fromHeader(f.minTime(), f.maxTime(), f.resourceIds())) {
                    int at = bucket(f.minTime()) * Format.SEVERITIES;
                    for (int s = 0; s < Format.SEVERITIES; s++) {
                        if ((plan.severityMask & 1 << s) != 0) {
                            counts[at + s] += f.severityCounts()[s];
                        }
                    }
                    continue;
                }
                scan(b.segment, f);
            }
        }
    }

    private boolean fromHeader(long min, long max, int[] resourceIds) {
        return plan.countsFromHeaders && min >= plan.from && max < plan.to && bucket(min) == bucket(max)
                && plan.allResourcesMatch(resourceIds);
    }

    private void add(int bucket, long[] severityCounts) {
        int at = bucket * Format.SEVERITIES;
        for (int s = 0; s < Format.SEVERITIES; s++) {
            if ((plan.severityMask & 1 << s) != 0) {
                counts[at + s] += severityCounts[s];
            }
        }
    }

    private void scan(Segment<BlockView> segment, FrameInfo frame) throws IOException {
        FrameData d = reader.load(segment, frame);
        if (d == null) {
            return;
        }
        plan.startFrame(d);
        for (int i = 0; i < d.n; i++) {
            long t = d.time(i);
            if (t >= plan.from && t < plan.to && plan.matches(d, i)) {
                counts[bucket(t) * Format.SEVERITIES + d.severity(i)]++;
            }
        }
    }

    LogCounts result(Duration stepDuration) {
        Severity[] severities = Severity.values();
        List<LogCounts.Bucket> out = new ArrayList<>(buckets);
        Instant start = plan.filter.from();
        for (int b = 0; b < buckets; b++) {
            Map<Severity, Long> map = new EnumMap<>(Severity.class);
            for (int s = 0; s < Format.SEVERITIES; s++) {
                long c = counts[b * Format.SEVERITIES + s];
                if (c > 0) {
                    map.put(severities[s], c);
                }
            }
            out.add(new LogCounts.Bucket(start.plus(stepDuration.multipliedBy(b)), map));
        }
        return new LogCounts(stepDuration, out);
    }
}
