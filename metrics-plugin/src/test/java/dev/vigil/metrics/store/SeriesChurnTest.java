package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.SampleRejectedException.Reason;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.metrics.store.StoreSamples.Sample;
import dev.vigil.metrics.store.wal.Wal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesChurnTest {

    static final Duration BLOCK = Duration.ofHours(2);
    static final long T0 = TsdbTest.T0;
    static final int LIMIT = 100;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Tsdb> opened = new ArrayList<>();

    Tsdb open(Duration retention) throws IOException {
        StoreSettings settings = new StoreSettings(retention, StoreSettings.defaults().retentionSize(), LIMIT, BLOCK, false);
        Tsdb db = Tsdb.open(dir, settings, meters, clock);
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Tsdb db : opened) {
            db.close();
        }
    }

    static Labels pod(String name) {
        return Labels.of("__name__", "container_memory_bytes", "pod", name);
    }

    /** Commits one sample for each of {@code count} pods named {@code prefix-i}, all at {@code time}. */
    static void commitPods(Tsdb db, String prefix, int count, long time) throws SampleRejectedException {
        try (MetricAppender appender = db.appender()) {
            for (int i = 0; i < count; i++) {
                appender.append(0, pod(prefix + "-" + i), time, i);
            }
            assertThat(appender.commit()).isEqualTo(count);
        }
    }

    static SampleRejectedException refused(Tsdb db, Labels labels, long time) {
        try (MetricAppender appender = db.appender()) {
            appender.append(0, labels, time, 1);
            throw new AssertionError("a sample of " + labels + " was accepted");
        } catch (SampleRejectedException e) {
            return e;
        }
    }

    @Test
    void theLimitCountsOnlySeriesWithSamplesInTheHead() throws Exception {
        Tsdb db = open(Duration.ofDays(15));
        commitPods(db, "old", LIMIT, T0);
        SampleRejectedException full = refused(db, pod("extra"), T0);
        assertThat(full.reason()).isEqualTo(Reason.SERIES_LIMIT);
        assertThat(full.getMessage()).startsWith("metric \"container_memory_bytes\" has reached its limit of 100 series "
                + "(storage.maxSeriesPerMetric); new series such as");

        clock.advance(BLOCK.multipliedBy(3));
        db.maintain();
        assertThat(db.blockCount()).isEqualTo(1);
        assertThat(db.registry().activeSeries("container_memory_bytes")).isZero();

        long now = clock.millis();
        commitPods(db, "new", LIMIT, now);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(StoreSamples.read(db, pod("old-" + i))).containsExactly(Sample.of(T0, i));
            assertThat(StoreSamples.read(db, pod("new-" + i))).containsExactly(Sample.of(now, i));
        }
        SampleRejectedException returning = refused(db, pod("old-7"), now);
        assertThat(returning.reason()).isEqualTo(Reason.SERIES_LIMIT);
        assertThat(returning.getMessage()).contains("(storage.maxSeriesPerMetric); series without samples in the head "
                + "such as container_memory_bytes{pod=\"old-7\"} are refused");
        assertThat(refused(db, pod("extra"), now).reason()).isEqualTo(Reason.SERIES_LIMIT);
        // series that already count keep taking samples, and others may return once room is made
        commitPods(db, "new", LIMIT, now + 1000);

        db.close();
        Tsdb reopened = open(Duration.ofDays(15));
        assertThat(reopened.registry().activeSeries("container_memory_bytes")).isEqualTo(LIMIT);
        assertThat(refused(reopened, pod("old-7"), now + 2000).reason()).isEqualTo(Reason.SERIES_LIMIT);
        clock.advance(BLOCK.multipliedBy(3));
        reopened.maintain();
        assertThat(reopened.registry().activeSeries("container_memory_bytes")).isZero();
        commitPods(reopened, "old", LIMIT, clock.millis());
        assertThat(StoreSamples.read(reopened, pod("old-7"))).containsExactly(Sample.of(T0, 7), Sample.of(clock.millis(), 7));
    }

    @Test
    void aSeriesFoundIdleBetweenAppendAndCommitIsCheckedAgainAtCommit() throws Exception {
        Tsdb db = open(Duration.ofDays(15));
        commitPods(db, "old", LIMIT, T0);
        clock.advance(BLOCK.multipliedBy(3));
        long now = clock.millis();
        try (MetricAppender late = db.appender()) {
            late.append(0, pod("old-0"), now, 1);
            late.append(0, pod("old-1"), now, 1);
            db.maintain();
            commitPods(db, "new", LIMIT - 1, now);
            // one of the two finds room, the other is refused and counted
            assertThat(late.commit()).isEqualTo(1);
        }
        assertThat(db.registry().activeSeries("container_memory_bytes")).isEqualTo(LIMIT);
        assertThat(meters.get("vigil.store.samples.rejected").tag("reason", "series_limit").counter().count()).isEqualTo(1);
        assertThat(refused(db, pod("old-2"), now).reason()).isEqualTo(Reason.SERIES_LIMIT);
    }

    static List<String> podsInIndex(Tsdb db) {
        return List.copyOf(new TreeSet<>(db.registry().postings().values("pod")));
    }

    static List<String> podsWithSamples(Tsdb db) {
        try (MetricQuerier q = db.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
            return q.labelValues("pod", List.of(LabelMatcher.metricName("container_memory_bytes")));
        }
    }

    @Test
    void forgetsSeriesWhoseLastBlockExpired() throws Exception {
        Path seriesLog = dir.resolve("series");
        Tsdb db = open(Duration.ofHours(6));
        commitPods(db, "old", 50, T0);
        commitPods(db, "live", 1, T0);

        clock.set(T0 + Duration.ofHours(6).toMillis());
        commitPods(db, "live", 1, clock.millis());
        commitPods(db, "recent", 1, clock.millis());
        db.maintain();
        // the old series are in a block still
        assertThat(podsInIndex(db)).hasSize(52);
        assertThat(db.seriesCount()).isEqualTo(52);
        long sizeBefore = Files.size(seriesLog);

        clock.set(T0 + Duration.ofHours(12).toMillis());
        commitPods(db, "live", 1, clock.millis());
        db.maintain();
        List<String> left = List.of("live-0", "recent-0");
        assertThat(podsInIndex(db)).isEqualTo(left);
        assertThat(podsWithSamples(db)).isEqualTo(left);
        assertThat(db.seriesCount()).isEqualTo(2);
        assertThat(db.stats().series()).isEqualTo(2);
        try (MetricQuerier q = db.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
            assertThat(q.select(List.of(LabelMatcher.equal("pod", "old-3")))).isEmpty();
            assertThat(q.labelNames(List.of(LabelMatcher.equal("pod", "old-3")))).isEmpty();
        }
        assertThat(Files.size(seriesLog)).isLessThan(sizeBefore);
        List<Sample> live = StoreSamples.read(db, pod("live-0"));
        assertThat(live).extracting(Sample::timestamp)
                .containsExactly(T0 + Duration.ofHours(6).toMillis(), T0 + Duration.ofHours(12).toMillis());
        assertThat(StoreSamples.read(db, pod("recent-0"))).hasSize(1);
        db.close();

        Set<Integer> walIds = new TreeSet<>();
        Path walCopy = Files.createDirectory(dir.resolve("wal-copy"));
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            for (Path file : files.toList()) {
                Files.copy(file, walCopy.resolve(file.getFileName()));
            }
        }
        Wal.openAndReplay(walCopy, false, (id, t, bits) -> walIds.add(id)).close();

        Tsdb reopened = open(Duration.ofHours(6));
        assertThat(podsInIndex(reopened)).isEqualTo(left);
        assertThat(podsWithSamples(reopened)).isEqualTo(left);
        assertThat(reopened.seriesCount()).isEqualTo(2);
        assertThat(StoreSamples.read(reopened, pod("live-0"))).isEqualTo(live);
        for (int id : walIds) {
            assertThat(reopened.registry().get(id)).as("series %d of the write-ahead log", id).isNotNull();
        }
        // a forgotten series may come back, as a new series
        long now = clock.millis() + 1000;
        commitPods(reopened, "old", 1, now);
        assertThat(StoreSamples.read(reopened, pod("old-0"))).containsExactly(Sample.of(now, 0));
        assertThat(podsInIndex(reopened)).containsExactly("live-0", "old-0", "recent-0");
    }

    @Test
    void aSeriesForgottenBetweenAppendAndCommitIsKept() throws Exception {
        Tsdb db = open(Duration.ofHours(6));
        long now = T0 + Duration.ofHours(12).toMillis();
        clock.set(now);
        try (MetricAppender late = db.appender()) {
            late.append(0, pod("fresh-0"), now, 5);
            // the new series has no samples yet and is in no block: maintenance forgets it
            db.maintain();
            assertThat(db.seriesCount()).isZero();
            assertThat(late.commit()).isEqualTo(1);
        }
        assertThat(StoreSamples.read(db, pod("fresh-0"))).containsExactly(Sample.of(now, 5));
        db.close();
        Tsdb reopened = open(Duration.ofHours(6));
        assertThat(StoreSamples.read(reopened, pod("fresh-0"))).containsExactly(Sample.of(now, 5));
        assertThat(reopened.registry().activeSeries("container_memory_bytes")).isEqualTo(1);
    }

    @Test
    void aForgottenSeriesThatWasCreatedAgainTakesTheLateCommit() throws Exception {
        Tsdb db = open(Duration.ofHours(6));
        long now = T0 + Duration.ofHours(12).toMillis();
        clock.set(now);
        try (MetricAppender late = db.appender()) {
            long forgottenRef = late.append(0, pod("fresh-0"), now + 1000, 7);
            db.maintain();
            commitPods(db, "fresh", 1, now);
            assertThat(db.registry().get(pod("fresh-0")).id()).isNotEqualTo((int) forgottenRef);
            assertThat(late.commit()).isEqualTo(1);
        }
        List<Sample> expected = List.of(Sample.of(now, 0), Sample.of(now + 1000, 7));
        assertThat(StoreSamples.read(db, pod("fresh-0"))).isEqualTo(expected);
        assertThat(db.seriesCount()).isEqualTo(1);
        db.close();
        Tsdb reopened = open(Duration.ofHours(6));
        assertThat(StoreSamples.read(reopened, pod("fresh-0"))).isEqualTo(expected);
        assertThat(reopened.seriesCount()).isEqualTo(1);
    }
}
