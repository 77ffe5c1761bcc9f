package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.metrics.store.StoreSamples.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {

    static final int THREADS = 4;
    static final int BATCHES = 300;

    @TempDir
    Path dir;

    @Test
    void appendersOnDistinctAndSharedSeriesLoseNothing() throws Exception {
        MutableClock clock = new MutableClock(TsdbTest.T0);
        Labels shared = Labels.of("__name__", "shared");
        AtomicLong sharedTime = new AtomicLong(TsdbTest.T0);
        List<Long> committedShared = new ArrayList<>();
        try (Tsdb db = Tsdb.open(dir, StoreSettings.defaults(), new SimpleMeterRegistry(), clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                results.add(pool.submit(() -> {
                    int sharedCommitted = 0;
                    for (int b = 0; b < BATCHES; b++) {
                        try (MetricAppender appender = db.appender()) {
                            for (int s = 0; s < 20; s++) {
                                appender.append(0, Labels.of("__name__", "own", "thread", "t" + id, "s", "s" + s),
                                        TsdbTest.T0 + b, b + s);
                            }
                            int expected = 20;
                            try {
                                appender.append(0, shared, sharedTime.incrementAndGet(), id);
                                expected++;
                            } catch (SampleRejectedException e) {
                                // another thread committed a newer sample first
                            }
                            int committed = appender.commit();
                            sharedCommitted += committed - 20;
                            assertThat(committed).isLessThanOrEqualTo(expected);
                        }
                    }
                    return sharedCommitted;
                }));
            }
            int sharedTotal = 0;
            for (Future<Integer> result : results) {
                sharedTotal += result.get();
            }
            pool.shutdown();
            for (int thread = 0; thread < THREADS; thread++) {
                for (int s = 0; s < 20; s++) {
                    List<Sample> samples = StoreSamples.read(db, Labels.of("__name__", "own", "thread", "t" + thread, "s", "s" + s));
                    assertThat(samples).hasSize(BATCHES);
                    assertThat(samples.get(BATCHES - 1)).isEqualTo(Sample.of(TsdbTest.T0 + BATCHES - 1, BATCHES - 1 + s));
                }
            }
            List<Sample> sharedSamples = StoreSamples.read(db, shared);
            assertThat(sharedSamples).hasSize(sharedTotal);
            for (int i = 1; i < sharedSamples.size(); i++) {
                assertThat(sharedSamples.get(i).timestamp()).isGreaterThan(sharedSamples.get(i - 1).timestamp());
            }
            sharedSamples.forEach(sample -> committedShared.add(sample.timestamp()));
        }
        try (Tsdb db = Tsdb.open(dir, StoreSettings.defaults(), new SimpleMeterRegistry(), clock)) {
            assertThat(StoreSamples.read(db, shared)).extracting(Sample::timestamp).isEqualTo(committedShared);
        }
    }
}
