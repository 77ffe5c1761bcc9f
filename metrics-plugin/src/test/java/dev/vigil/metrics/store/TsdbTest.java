package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.SampleRejectedException.Reason;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.store.StoreSamples.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbTest {

    static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % Duration.ofHours(2).toMillis();
    static final Labels UP_A = Labels.of("__name__", "up", "job", "api", "instance", "a");
    static final Labels UP_B = Labels.of("__name__", "up", "job", "api", "instance", "b");
    static final Labels UP_C = Labels.of("__name__", "up", "job", "web", "instance", "c");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Tsdb> opened = new ArrayList<>();

    Tsdb open(StoreSettings settings) throws IOException {
        Tsdb db = Tsdb.open(dir, settings, meters, clock);
        opened.add(db);
        return db;
    }

    Tsdb open() throws IOException {
        return open(StoreSettings.defaults());
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Tsdb db : opened) {
            db.close();
        }
    }

    static int commit(Tsdb db, Labels labels, long... timesAndValues) throws SampleRejectedException {
        try (MetricAppender appender = db.appender()) {
            for (int i = 0; i < timesAndValues.length; i++) {
                appender.append(0, labels, timesAndValues[i], timesAndValues[i]);
            }
            return appender.commit();
        }
    }

    double rejected(Reason reason) {
        return meters.get("vigil.store.samples.rejected").tag("reason", reason.name().toLowerCase()).counter().count();
    }

    @Test
    void committedSamplesAreVisibleAndUncommittedOnesAreNot() throws Exception {
        Tsdb db = open();
        MetricAppender appender = db.appender();
        appender.append(0, UP_A, T0, 1);
        assertThat(StoreSamples.read(db, UP_A)).isEmpty();
        assertThat(appender.commit()).isEqualTo(1);
        assertThat(StoreSamples.read(db, UP_A)).containsExactly(Sample.of(T0, 1));

        try (MetricAppender discarded = db.appender()) {
            discarded.append(0, UP_A, T0 + 1000, 2);
        }
        assertThat(StoreSamples.read(db, UP_A)).containsExactly(Sample.of(T0, 1));
        assertThatThrownBy(appender::commit).isInstanceOf(IllegalStateException.class);
        assertThat(meters.get("vigil.store.samples.appended").counter().count()).isEqualTo(1);
    }

    @Test
    void refusesSamplesAsPrometheusDoes() throws Exception {
        Tsdb db = open();
        commit(db, UP_A, T0 + 10_000);
        try (MetricAppender appender = db.appender()) {
            assertThatThrownBy(() -> appender.append(0, UP_A, T0 + 5_000, 1))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_ORDER));
            assertThatThrownBy(() -> appender.append(0, UP_A, T0 + 10_000, 7))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_TIMESTAMP));
            // the same sample again is accepted and ignored
            appender.append(0, UP_A, T0 + 10_000, T0 + 10_000);
            // the rules hold inside one batch too
            appender.append(0, UP_A, T0 + 20_000, 1);
            assertThatThrownBy(() -> appender.append(0, UP_A, T0 + 15_000, 1))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_ORDER));
            assertThatThrownBy(() -> appender.append(0, UP_A, T0 + 20_000, 2))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_TIMESTAMP));
            appender.append(0, UP_A, T0 + 20_000, 1);
            assertThatThrownBy(() -> appender.append(0, UP_B, T0 - Duration.ofDays(16).toMillis(), 1))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_BOUNDS));
            assertThatThrownBy(() -> appender.append(0, Labels.EMPTY, T0, 1))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_LABELS));
            assertThat(appender.commit()).isEqualTo(1);
        }
        assertThat(StoreSamples.read(db, UP_A)).containsExactly(Sample.of(T0 + 10_000, T0 + 10_000), Sample.of(T0 + 20_000, 1));
        assertThat(rejected(Reason.OUT_OF_ORDER)).isEqualTo(2);
        assertThat(rejected(Reason.DUPLICATE_TIMESTAMP)).isEqualTo(2);
        assertThat(rejected(Reason.OUT_OF_BOUNDS)).isEqualTo(1);
        assertThat(rejected(Reason.INVALID_LABELS)).isEqualTo(1);
    }

    @Test
    void aCommitRechecksWhatOtherAppendersCommittedMeanwhile() throws Exception {
        Tsdb db = open();
        MetricAppender slow = db.appender();
        slow.append(0, UP_A, T0 + 1000, 1);
        slow.append(0, UP_B, T0 + 1000, 1);
        commit(db, UP_A, T0 + 2000);
        assertThat(slow.commit()).isEqualTo(1);
        assertThat(StoreSamples.read(db, UP_A)).containsExactly(Sample.of(T0 + 2000, T0 + 2000));
        assertThat(StoreSamples.read(db, UP_B)).containsExactly(Sample.of(T0 + 1000, 1));
        assertThat(rejected(Reason.OUT_OF_ORDER)).isEqualTo(1);
    }

    @Test
    void keepsEveryNanBitPattern() throws Exception {
        Tsdb db = open();
        long[] patterns = {StaleMarker.BITS, Double.doubleToRawLongBits(Double.NaN), 0x7ff0000000000001L, 0xfff8000000000123L,
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)};
        try (MetricAppender appender = db.appender()) {
            for (int i = 0; i < patterns.length; i++) {
                appender.append(0, UP_A, T0 + i, Double.longBitsToDouble(patterns[i]));
            }
            appender.commit();
        }
        db.close();
        Tsdb reopened = open();
        List<Sample> samples = StoreSamples.read(reopened, UP_A);
        assertThat(samples).extracting(Sample::bits).containsExactly(patterns[0], patterns[1], patterns[2], patterns[3],
                patterns[4], patterns[5]);
    }

    @Test
    void refusesNewSeriesOverTheLimitWithBoundedMemory() throws Exception {
        Tsdb db = open(new StoreSettings(Duration.ofDays(15), StoreSettings.defaults().retentionSize(), 100,
                Duration.ofHours(2), false));
        int refused = 0;
        String message = null;
        for (int batch = 0; batch < 50; batch++) {
            try (MetricAppender appender = db.appender()) {
                for (int i = 0; i < 1000; i++) {
                    try {
                        appender.append(0, Labels.of("__name__", "http_requests_total", "id", batch + "-" + i), T0, 1);
                    } catch (SampleRejectedException e) {
                        assertThat(e.reason()).isEqualTo(Reason.SERIES_LIMIT);
                        message = e.getMessage();
                        refused++;
                    }
                }
                appender.commit();
            }
        }
        assertThat(refused).isEqualTo(50_000 - 100);
        assertThat(message).startsWith("metric \"http_requests_total\" has reached its limit of 100 series "
                + "(storage.maxSeriesPerMetric); new series such as http_requests_total{id=\"");
        assertThat(db.stats().series()).isEqualTo(100);
        assertThat(meters.get("vigil.store.series").gauge().value()).isEqualTo(100);
        assertThat(rejected(Reason.SERIES_LIMIT)).isEqualTo(refused);
        // existing series keep taking samples, and other metrics have their own limit
        assertThat(commit(db, Labels.of("__name__", "http_requests_total", "id", "0-0"), T0 + 1000)).isEqualTo(1);
        assertThat(commit(db, UP_A, T0 + 1000)).isEqualTo(1);
    }

    @Test
    void selectsWithEveryMatcherType() throws Exception {
        Tsdb db = open();
        commit(db, UP_A, T0);
        commit(db, UP_B, T0);
        commit(db, UP_C, T0);
        Labels other = Labels.of("__name__", "other", "job", "api");
        commit(db, other, T0);
        Labels old = Labels.of("__name__", "up", "job", "old");
        commit(db, old, T0 - 100_000);

        try (MetricQuerier q = db.querier(T0 - 1000, T0 + 1000)) {
            assertThat(labels(q, LabelMatcher.metricName("up"))).containsExactly(UP_A, UP_B, UP_C);
            assertThat(labels(q, LabelMatcher.equal("job", "api"))).containsExactly(other, UP_A, UP_B);
            assertThat(labels(q, LabelMatcher.metricName("up"), LabelMatcher.notEqual("instance", "a"))).containsExactly(UP_B, UP_C);
            assertThat(labels(q, LabelMatcher.regex("instance", "a|c"))).containsExactly(UP_A, UP_C);
            assertThat(labels(q, LabelMatcher.metricName("up"), LabelMatcher.notRegex("job", "ap.*"))).containsExactly(UP_C);
            assertThat(labels(q, LabelMatcher.regex("job", ".+"), LabelMatcher.equal("instance", ""))).containsExactly(other);
            assertThat(labels(q, LabelMatcher.metricName("missing"))).isEmpty();
            assertThatThrownBy(() -> q.select(List.of(LabelMatcher.notEqual("job", "x")))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q.select(List.of())).isInstanceOf(IllegalArgumentException.class);

            assertThat(q.labelNames(List.of())).containsExactly("__name__", "instance", "job");
            assertThat(q.labelNames(List.of(LabelMatcher.metricName("other")))).containsExactly("__name__", "job");
            assertThat(q.labelValues("job", List.of())).containsExactly("api", "web");
            assertThat(q.labelValues("instance", List.of(LabelMatcher.equal("job", "api")))).containsExactly("a", "b");
            assertThat(q.labelValues("__name__", List.of())).containsExactly("other", "up");
        }
        try (MetricQuerier q = db.querier(T0 - 200_000, T0 - 50_000)) {
            assertThat(labels(q, LabelMatcher.metricName("up"))).containsExactly(old);
            assertThat(q.labelValues("job", List.of())).containsExactly("old");
        }
    }

    private static List<Labels> labels(MetricQuerier q, LabelMatcher... matchers) {
        return q.select(List.of(matchers)).stream().map(s -> s.labels()).toList();
    }

    @Test
    void keepsMetadataAcrossRestarts() throws Exception {
        Tsdb db = open();
        MetricMetadata counter = new MetricMetadata(MetricType.COUNTER, "Requests served.", "");
        try (MetricAppender appender = db.appender()) {
            appender.metadata("http_requests", counter);
            appender.metadata("up", new MetricMetadata(MetricType.GAUGE, "", ""));
            appender.commit();
        }
        assertThat(db.metadata()).containsEntry("http_requests", counter).hasSize(2);
        db.close();
        assertThat(open().metadata()).containsEntry("http_requests", counter).hasSize(2);
    }

    @Test
    void replaysTheLogAfterAReopen() throws Exception {
        Tsdb db = open();
        for (int i = 0; i < 500; i++) {
            commit(db, i % 2 == 0 ? UP_A : UP_B, T0 + i * 1000L);
        }
        db.close();
        db.close();
        Tsdb reopened = open();
        assertThat(StoreSamples.read(reopened, UP_A)).hasSize(250).first().isEqualTo(Sample.of(T0, T0));
        assertThat(StoreSamples.read(reopened, UP_B)).hasSize(250).last().isEqualTo(Sample.of(T0 + 499_000, T0 + 499_000));
        assertThat(reopened.stats().samples()).isEqualTo(500);
        assertThat(reopened.stats().minTime()).isEqualTo(T0);
        // the newest sample is still known, so the order rules hold after the restart
        try (MetricAppender appender = reopened.appender()) {
            assertThatThrownBy(() -> appender.append(0, UP_B, T0 + 1000, 1)).isInstanceOf(SampleRejectedException.class);
        }
    }

    @Test
    void refusesToOpenAFolderTwice() throws Exception {
        open();
        assertThatThrownBy(() -> Tsdb.open(dir, StoreSettings.defaults(), meters, clock))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("already in use");
    }

    @Test
    void cutsBlocksThatSurviveAReopen() throws Exception {
        Tsdb db = open();
        long step = 15_000;
        long end = T0 + Duration.ofHours(5).toMillis();
        int n = 0;
        for (long t = T0; t < end; t += step) {
            try (MetricAppender appender = db.appender()) {
                appender.append(0, UP_A, t, n);
                appender.append(0, UP_B, t, Math.sin(n));
                appender.commit();
            }
            clock.set(t);
            n++;
        }
        long walBefore = db.walBytes();
        db.maintain();
        // the head keeps the newest 1.5 block durations: [T0, T0+2h) becomes a block, the rest stays
        assertThat(db.blockCount()).isEqualTo(1);
        assertThat(db.walBytes()).isLessThan(walBefore);
        assertThat(meters.get("vigil.store.blocks").gauge().value()).isEqualTo(1);
        assertThat(meters.get("vigil.store.maintenance").timer().count()).isEqualTo(1);
        List<Sample> before = StoreSamples.read(db, UP_B);
        assertThat(before).hasSize(n);
        // a sample older than what is sealed is out of bounds now, even for a new series
        try (MetricAppender appender = db.appender()) {
            assertThatThrownBy(() -> appender.append(0, UP_C, T0, 1))
                    .isInstanceOfSatisfying(SampleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_BOUNDS));
        }
        db.close();

        Tsdb reopened = open();
        assertThat(reopened.blockCount()).isEqualTo(1);
        assertThat(StoreSamples.read(reopened, UP_B)).isEqualTo(before);
        List<Sample> a = StoreSamples.read(reopened, UP_A);
        assertThat(a).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(a.get(i)).isEqualTo(Sample.of(T0 + i * step, i));
        }
        assertThat(reopened.stats().samples()).isEqualTo(2L * n);
        // a range inside one block and across the block boundary
        long boundary = T0 + Duration.ofHours(2).toMillis();
        Map<Labels, List<Sample>> across = StoreSamples.read(reopened, boundary - 30_000, boundary + 30_000, LabelMatcher.metricName("up"));
        assertThat(across.get(UP_A)).extracting(Sample::timestamp)
                .containsExactly(boundary - 30_000, boundary - 15_000, boundary, boundary + 15_000, boundary + 30_000);

        // more data, a second maintenance, another reopen: nothing is counted twice
        clock.advance(Duration.ofHours(3));
        commit(reopened, UP_A, clock.millis());
        reopened.maintain();
        reopened.close();
        Tsdb third = open();
        assertThat(StoreSamples.read(third, UP_A)).hasSize(n + 1);
        assertThat(third.blockCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deletesBlocksPastRetentionByAge() throws Exception {
        Tsdb db = open(new StoreSettings(Duration.ofHours(6), StoreSettings.defaults().retentionSize(), 1000,
                Duration.ofHours(2), false));
        fillHours(db, 8);
        db.maintain();
        assertThat(db.blockCount()).isEqualTo(3);
        long firstBefore = StoreSamples.read(db, UP_A).get(0).timestamp();
        clock.advance(Duration.ofHours(3));
        db.maintain();
        List<Sample> after = StoreSamples.read(db, UP_A);
        assertThat(after.get(0).timestamp()).isGreaterThan(firstBefore);
        assertThat(after.get(0).timestamp()).isGreaterThanOrEqualTo(clock.millis() - Duration.ofHours(6).toMillis() - Duration.ofHours(2).toMillis());
        db.close();
        Tsdb reopened = open();
        assertThat(StoreSamples.read(reopened, UP_A)).isEqualTo(after);
    }

    @Test
    void deletesOldestBlocksPastRetentionBySize() throws Exception {
        Tsdb db = open();
        fillHours(db, 12);
        db.maintain();
        int blocks = db.blockCount();
        assertThat(blocks).isGreaterThanOrEqualTo(4);
        long total = db.bytesOnDisk();
        db.close();
        Tsdb limited = open(new StoreSettings(Duration.ofDays(15), dev.vigil.api.config.ByteSize.ofBytes(total / 2), 1000,
                Duration.ofHours(2), false));
        long newestBefore = StoreSamples.read(limited, UP_A).get(StoreSamples.read(limited, UP_A).size() - 1).timestamp();
        limited.maintain();
        assertThat(limited.blockCount()).isLessThan(blocks);
        assertThat(limited.bytesOnDisk()).isLessThan(total);
        List<Sample> left = StoreSamples.read(limited, UP_A);
        assertThat(left.get(0).timestamp()).isGreaterThanOrEqualTo(T0 + Duration.ofHours(2).toMillis());
        assertThat(left.get(left.size() - 1).timestamp()).isEqualTo(newestBefore);
        assertThat(meters.get("vigil.store.disk.size").gauge().value()).isEqualTo((double) limited.bytesOnDisk());
    }

    private void fillHours(Tsdb db, int hours) throws SampleRejectedException {
        long end = T0 + Duration.ofHours(hours).toMillis();
        int n = 0;
        for (long t = T0; t < end; t += 10_000) {
            try (MetricAppender appender = db.appender()) {
                for (int s = 0; s < 20; s++) {
                    appender.append(0, Labels.of("__name__", "up", "job", "api", "instance", s == 0 ? "a" : "x" + s), t, n * s);
                }
                appender.commit();
            }
            clock.set(t);
            n++;
        }
    }
}
