package dev.vigil.tracing.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void queriesWhileSeveralThreadsAppendSeeEveryAcknowledgedTraceWhole() throws Exception {
        TestingClock clock = new TestingClock(TestSpans.T0);
        ConcurrentLinkedQueue<List<SpanRecord>> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    for (int b = 0; b < 150; b++) {
                        // whole traces per batch, so an acknowledged trace is complete
                        List<SpanRecord> batch = TestSpans.traces(random, 1 + random.nextInt(10), 600);
                        store.accept(batch);
                        acknowledged.add(batch);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    while (writing.get()) {
                        List<SpanRecord> batch = acknowledged.peek();
                        if (batch == null) {
                            continue;
                        }
                        String id = batch.get(0).traceId();
                        assertThat(store.trace(id)).isEqualTo(TestSpans.trace(batch, id));
                        assertThat(store.search(TraceSearch.between(TestSpans.T0, TestSpans.time(700), 10))).isNotEmpty();
                        assertThat(store.services(Instant.EPOCH, Instant.MAX)).isNotEmpty();
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Integer> f : readers) {
                assertThat(f.get(1, TimeUnit.MINUTES)).isPositive();
            }
            List<SpanRecord> all = new ArrayList<>();
            acknowledged.forEach(all::addAll);
            List<SpanRecord> found = new ArrayList<>();
            store.scan(Instant.EPOCH, Instant.MAX, found::add);
            assertThat(found).containsExactlyInAnyOrderElementsOf(all);
            TraceSearch search = TraceSearch.between(TestSpans.T0, TestSpans.time(700), 200).withErrorsOnly();
            assertThat(store.search(search)).isEqualTo(TestSpans.search(all, search));
        } finally {
            pool.shutdownNow();
        }
    }
}
