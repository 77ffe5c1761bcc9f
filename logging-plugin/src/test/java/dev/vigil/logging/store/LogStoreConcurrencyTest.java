package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void appendsFromManyThreadsWhileSearchesRunLoseNothingAndSearchesStayOrdered() throws Exception {
        TestingClock clock = new TestingClock(TestRecords.T0);
        LogFilter all = LogFilter.between(time(0), time(1000));
        List<LogRecord> stored = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock, 32 * 1024)) {
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int b = 0; b < 150; b++) {
                        List<LogRecord> batch = TestRecords.random(random, 1 + random.nextInt(30), 1000);
                        store.accept(batch);
                        stored.addAll(batch);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                boolean forward = r == 0;
                readers.add(pool.submit(() -> {
                    int searches = 0;
                    while (!done.get()) {
                        LogSearch search = new LogSearch(all.withLines(LineFilter.contains("retry")),
                                forward ? LogSearch.Direction.FORWARD : LogSearch.Direction.BACKWARD, 50, Optional.empty());
                        List<LogRecord> seen = new ArrayList<>();
                        for (int page = 0; page < 5; page++) {
                            LogPage p = store.search(search);
                            seen.addAll(p.records());
                            if (p.next().isEmpty()) {
                                break;
                            }
                            search = search.after(p);
                        }
                        for (int i = 1; i < seen.size(); i++) {
                            long a = seen.get(i - 1).timeNanos();
                            long b = seen.get(i).timeNanos();
                            assertThat(forward ? a <= b : a >= b).isTrue();
                        }
                        assertThat(new HashSet<>(seen)).hasSize(seen.size());
                        store.counts(all, java.time.Duration.ofSeconds(10));
                        searches++;
                    }
                    return searches;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            done.set(true);
            for (Future<Integer> f : readers) {
                assertThat(f.get()).isPositive();
            }
            List<LogRecord> found = new ArrayList<>();
            LogSearch search = new LogSearch(all, LogSearch.Direction.FORWARD, LogSearch.MAX_LIMIT, Optional.empty());
            while (true) {
                LogPage p = store.search(search);
                found.addAll(p.records());
                if (p.next().isEmpty()) {
                    break;
                }
                search = search.after(p);
            }
            assertThat(found).hasSameSizeAs(stored).containsExactlyInAnyOrderElementsOf(stored);
        } finally {
            pool.shutdownNow();
        }
    }
}
