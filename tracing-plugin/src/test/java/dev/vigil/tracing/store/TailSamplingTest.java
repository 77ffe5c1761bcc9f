package dev.vigil.tracing.store;

import static dev.vigil.tracing.store.TestSpans.span;
import static dev.vigil.tracing.store.TestSpans.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.testkit.TestingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailSamplingTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);
    private final Random random = new Random(17);

    private static TraceStoreSettings sampling(double rate) {
        return TraceStoreSettings.defaults().withTailSampling(
                TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(30), Duration.ofSeconds(2), rate));
    }

    /** A trace of a root and {@code children} children, lasting {@code seconds}, failed in its last child if asked. */
    private List<SpanRecord> trace(int children, double seconds, boolean failed) {
        String id = TestSpans.randomTraceId(random);
        String root = TestSpans.randomSpanId(random);
        List<SpanRecord> out = new ArrayList<>();
        out.add(span(id, root, "", "cart", "GET /cart", 1, seconds, false, Map.of()));
        for (int c = 0; c < children; c++) {
            out.add(span(id, TestSpans.randomSpanId(random), root, "payment", "POST /pay", 1 + seconds * c / (children + 1),
                    seconds / (children + 2), failed && c == children - 1, Map.of()));
        }
        return out;
    }

    private static List<SpanRecord> everything(TraceStore store) {
        List<SpanRecord> out = new ArrayList<>();
        store.scan(Instant.EPOCH, Instant.MAX, out::add);
        return out;
    }

    @Test
    void failedAndSlowTracesAreKeptAndFastOnesDroppedAtRateZero() throws Exception {
        List<SpanRecord> failed = trace(3, 0.1, true);
        List<SpanRecord> slow = trace(3, 2.5, false);
        List<SpanRecord> fast = trace(3, 1.9, false);
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            List<SpanRecord> batch = new ArrayList<>(failed);
            batch.addAll(slow);
            batch.addAll(fast);
            store.accept(batch);
            assertThat(store.heldSpans()).isEqualTo(12);
            assertThat(everything(store)).isEmpty();
            clock.advance(Duration.ofSeconds(31));
            store.maintain();
            assertThat(store.heldSpans()).isZero();
            assertThat(store.trace(failed.get(0).traceId())).hasSize(4);
            assertThat(store.trace(slow.get(0).traceId())).hasSize(4);
            assertThat(store.trace(fast.get(0).traceId())).isEmpty();
            assertThat(store.sampler().counts()).containsExactly(2, 1, 4);
        }
    }

    @Test
    void fastTracesAreKeptAtTheRateByTheirIds() throws Exception {
        int traces = 10_000;
        List<SpanRecord> all = new ArrayList<>();
        try (TraceStore store = TraceStore.open(dir, sampling(0.1), clock)) {
            for (int t = 0; t < traces; t++) {
                List<SpanRecord> spans = trace(1, 0.2, false);
                all.addAll(spans);
                store.accept(spans);
            }
            clock.advance(Duration.ofMinutes(1));
            store.maintain();
            Map<String, Integer> kept = new HashMap<>();
            for (SpanRecord s : everything(store)) {
                kept.merge(s.traceId(), 1, Integer::sum);
            }
            // 10% ± 1% (three standard deviations of a fair coin over 10,000 traces)
            assertThat(kept.size()).isBetween(900, 1100);
            // whole traces, and the very ones the id decides
            assertThat(kept.values()).containsOnly(2);
            for (SpanRecord s : all) {
                assertThat(kept.containsKey(s.traceId())).isEqualTo(store.sampler().sampled(s.traceId()));
            }
        }
    }

    @Test
    void aTraceWhoseSpansComeInManyBatchesIsKeptOrDroppedWhole() throws Exception {
        List<List<SpanRecord>> traces = new ArrayList<>();
        for (int t = 0; t < 400; t++) {
            traces.add(trace(1 + random.nextInt(6), random.nextDouble() * 3, random.nextInt(10) == 0));
        }
        List<SpanRecord> all = new ArrayList<>();
        traces.forEach(all::addAll);
        try (TraceStore store = TraceStore.open(dir, sampling(0.3), clock)) {
            // batches over 20 seconds: every trace is still within its wait when its last span comes
            List<List<SpanRecord>> batches = TestSpans.batches(random, all, 30);
            for (List<SpanRecord> batch : batches) {
                store.accept(batch);
                clock.advance(Duration.ofMillis(20_000 / batches.size()));
            }
            clock.advance(Duration.ofSeconds(31));
            store.maintain();
            assertThat(store.heldSpans()).isZero();
            int kept = 0;
            for (List<SpanRecord> trace : traces) {
                List<SpanRecord> found = store.trace(trace.get(0).traceId());
                boolean failed = trace.stream().anyMatch(s -> s.status().isError());
                boolean slow = trace.get(0).duration().compareTo(Duration.ofSeconds(2)) > 0;
                if (failed || slow) {
                    assertThat(found).hasSameSizeAs(trace);
                }
                assertThat(found.size()).as("kept whole or not at all").isIn(0, trace.size());
                kept += found.isEmpty() ? 0 : 1;
            }
            assertThat(kept).isBetween(100, 400);
        }
    }

    @Test
    void aTraceIsHeldUntilItHasHadNoSpanForTheDecisionWait() throws Exception {
        List<SpanRecord> spans = trace(3, 0.1, true);
        String id = spans.get(0).traceId();
        // the failed span first
        List<SpanRecord> first = List.of(spans.get(3), spans.get(0));
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            store.accept(first);
            clock.advance(Duration.ofSeconds(20));
            store.maintain();
            store.accept(spans.subList(1, 2));
            clock.advance(Duration.ofSeconds(20));
            // 40 s after the first span, 20 s after the last
            store.maintain();
            assertThat(store.heldSpans()).isEqualTo(3);
            assertThat(store.trace(id)).isEmpty();
            // a due trace is decided before the spans of a call are taken, whether maintenance ran or not; a span
            // that comes after the decision gets the same one, at once
            clock.advance(Duration.ofSeconds(11));
            store.accept(spans.subList(2, 3));
            assertThat(store.heldSpans()).isZero();
            assertThat(store.trace(id)).containsExactlyElementsOf(spans);
        }
    }

    @Test
    void dueTracesAreDecidedWhenSpansOfOtherTracesArrive() throws Exception {
        List<SpanRecord> failed = trace(2, 0.1, true);
        List<SpanRecord> other = trace(2, 0.1, true);
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            store.accept(failed);
            clock.advance(Duration.ofSeconds(30));
            store.accept(other);
            assertThat(store.trace(failed.get(0).traceId())).hasSize(3);
            assertThat(store.trace(other.get(0).traceId())).isEmpty();
            assertThat(store.heldSpans()).isEqualTo(3);
        }
    }

    @Test
    void aLateSpanOfADroppedTraceIsDroppedToo() throws Exception {
        List<SpanRecord> spans = trace(3, 0.1, false);
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            store.accept(spans.subList(0, 3));
            clock.advance(Duration.ofSeconds(31));
            store.maintain();
            // a failed span arriving late does not bring back the spans already dropped
            SpanRecord lateFailure = span(spans.get(0).traceId(), TestSpans.randomSpanId(random), spans.get(0).spanId(),
                    "payment", "POST /pay", 1.05, 0.01, true, Map.of());
            store.accept(List.of(spans.get(3), lateFailure));
            clock.advance(Duration.ofSeconds(31));
            store.maintain();
            assertThat(store.trace(spans.get(0).traceId())).isEmpty();
            assertThat(store.sampler().counts()).containsExactly(0, 1, 5);
        }
    }

    @Test
    void closingDecidesEveryHeldTrace() throws Exception {
        List<SpanRecord> failed = trace(2, 0.1, true);
        List<SpanRecord> fast = trace(2, 0.1, false);
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            store.accept(failed);
            store.accept(fast);
            assertThat(store.heldSpans()).isEqualTo(6);
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(failed);
            assertThat(store.search(TraceSearch.between(time(0), time(10), 10))).hasSize(1);
        }
    }

    @Test
    void aCrashLosesTheSpansHeldAtThatMoment() throws Exception {
        List<SpanRecord> decided = trace(2, 0.1, true);
        List<SpanRecord> held = trace(2, 0.1, true);
        Path crashed = dir.resolveSibling(dir.getFileName() + "-crashed");
        try (TraceStore store = TraceStore.open(dir, sampling(0), clock)) {
            store.accept(decided);
            clock.advance(Duration.ofSeconds(31));
            store.maintain();
            store.accept(held);
            copyWithoutLock(dir, crashed);
        }
        try (TraceStore store = TraceStore.open(crashed, TraceStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(decided);
        }
    }

    @Test
    void pastItsBoundTheSamplerDecidesTheTracesWaitingLongestEarly() {
        TailSampler sampler = new TailSampler(TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(30),
                Duration.ofSeconds(2), 0), clock, 10);
        List<SpanRecord> first = trace(4, 0.1, true);
        List<SpanRecord> second = trace(4, 0.1, true);
        List<SpanRecord> third = trace(4, 0.1, true);
        assertThat(sampler.offer(first)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sampler.offer(second)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        // 15 spans held: the first trace goes, then 10 are held, within the bound
        assertThat(sampler.offer(third)).containsExactlyElementsOf(first);
        assertThat(sampler.heldSpans()).isEqualTo(10);
        assertThat(sampler.drain()).containsExactlyInAnyOrder(concat(second, third));
    }

    @Test
    void withoutTailSamplingNothingIsHeld() throws Exception {
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(trace(2, 0.1, false));
            assertThat(store.heldSpans()).isZero();
            assertThat(store.sampler()).isNull();
            assertThat(everything(store)).hasSize(3);
        }
    }

    private static SpanRecord[] concat(List<SpanRecord> a, List<SpanRecord> b) {
        List<SpanRecord> out = new ArrayList<>(a);
        out.addAll(b);
        return out.toArray(new SpanRecord[0]);
    }

    private static void copyWithoutLock(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }
}
