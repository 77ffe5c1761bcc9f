package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.metrics.store.StoreSamples.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesChurnConcurrencyTest {

    static final int THREADS = 4;

    @TempDir
    Path dir;

    private static final int MAX_SERIES_PER_THREAD = 3_000;

    @Test
    void seriesCreatedWhileMaintenanceForgetsSeriesAreNotLost() throws Exception {
        MutableClock clock = new MutableClock(TsdbTest.T0);
        StoreSettings settings = new StoreSettings(Duration.ofDays(15), StoreSettings.defaults().retentionSize(), 1_000_000,
                Duration.ofHours(2), false);
        Map<Labels, List<Sample>> committed = new ConcurrentHashMap<>();
        try (Tsdb db = Tsdb.open(dir, settings, new SimpleMeterRegistry(), clock)) {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                results.add(pool.submit(() -> {
                    int n = 0;
                    // bounded, so that checking every committed series afterwards stays cheap on a slow machine
                    while ((!stop.get() || n < 200) && n < MAX_SERIES_PER_THREAD) {
                        // a new series each time, so that some are still empty when maintenance looks at them
                        Labels labels = Labels.of("__name__", "churn", "thread", "t" + id, "n", Integer.toString(n));
                        long time = clock.millis();
                        try (MetricAppender appender = db.appender()) {
                            appender.append(0, labels, time, n);
                            if (appender.commit() == 1) {
                                committed.put(labels, List.of(Sample.of(time, n)));
                            }
                        } catch (SampleRejectedException e) {
                            // maintenance sealed the range of this timestamp meanwhile
                        }
                        n++;
                    }
                    return n;
                }));
            }
            for (int round = 0; round < 30; round++) {
                clock.advance(Duration.ofMinutes(20));
                db.maintain();
            }
            stop.set(true);
            int attempts = 0;
            for (Future<Integer> result : results) {
                attempts += result.get();
            }
            pool.shutdown();
            assertThat(committed).isNotEmpty();
            assertThat(committed.size()).isLessThanOrEqualTo(attempts);
            assertThat(db.seriesCount()).isGreaterThanOrEqualTo(committed.size());
            for (Map.Entry<Labels, List<Sample>> e : committed.entrySet()) {
                assertThat(StoreSamples.read(db, e.getKey())).as("%s", e.getKey()).isEqualTo(e.getValue());
            }
            db.maintain();
        }
        try (Tsdb db = Tsdb.open(dir, settings, new SimpleMeterRegistry(), clock)) {
            assertThat(db.seriesCount()).isEqualTo(committed.size());
            for (Map.Entry<Labels, List<Sample>> e : committed.entrySet()) {
                assertThat(StoreSamples.read(db, e.getKey())).as("%s after a reopen", e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}
