package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.Severity;
import dev.vigil.testkit.TestingClock;
import dev.vigil.storage.Segment;
import dev.vigil.storage.StoreView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreRetentionTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestRecords.T0);
    private final Random random = new Random(9);
    private final LogFilter all = LogFilter.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    /** Records that hardly compress, about a kilobyte each, at the clock's time. */
    private List<LogRecord> batch(int count, String service) {
        List<LogRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[700];
            random.nextBytes(noise);
            out.add(new LogRecord(LogFilter.nanos(clock.instant()), Severity.INFO, "INFO",
                    Base64.getEncoder().encodeToString(noise), Map.of(LogRecord.SERVICE_NAME, service), "", Map.of(), "", ""));
        }
        return out;
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).count();
        }
    }

    private long count(LogStore store) {
        return store.counts(all, Duration.ofDays(365 * 200L)).buckets().stream().mapToLong(b -> b.total()).sum();
    }

    @Test
    void segmentsWhoseNewestRecordIsPastRetentionAreDeleted() throws Exception {
        LogStoreSettings settings = LogStoreSettings.defaults().withRetention(Duration.ofDays(7));
        try (LogStore store = LogStore.open(dir, settings, clock)) {
            store.accept(batch(10, "old"));
            clock.advance(Duration.ofMinutes(10));
            store.accept(batch(10, "old"));
            // a segment an hour old is closed on the next append
            clock.advance(Duration.ofMinutes(55));
            store.accept(batch(10, "new"));
            assertThat(segmentFiles()).isEqualTo(2);

            // maintenance closes the hour-old segment being written, and deletes nothing yet
            clock.set(TestRecords.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(9)));
            store.maintain();
            assertThat(segmentFiles()).isEqualTo(3);
            clock.set(TestRecords.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(11)));
            store.maintain();
            assertThat(segmentFiles()).isEqualTo(2);
            assertThat(count(store)).isEqualTo(10);
            assertThat(store.resources(Instant.EPOCH, Instant.MAX)).extracting(r -> r.get("service.name")).containsExactly("new");

            // the segment being written goes too once all of it is past retention
            clock.set(TestRecords.T0.plus(Duration.ofDays(8)));
            store.maintain();
            assertThat(count(store)).isZero();
            assertThat(segmentFiles()).isEqualTo(1);
            store.accept(batch(3, "later"));
            assertThat(count(store)).isEqualTo(3);
        }
        try (LogStore store = LogStore.open(dir, settings, clock)) {
            assertThat(count(store)).isEqualTo(3);
        }
    }

    @Test
    void theOldestSegmentsAreDeletedBeyondTheSizeLimit() throws Exception {
        LogStoreSettings settings = LogStoreSettings.defaults().withSegmentSize(ByteSize.ofMebibytes(1))
                .withRetentionSize(ByteSize.ofMebibytes(3));
        List<List<LogRecord>> batches = new ArrayList<>();
        try (LogStore store = LogStore.open(dir, settings, clock)) {
            for (int b = 0; b < 60; b++) {
                batches.add(batch(100, "s" + b));
                store.accept(batches.get(b));
                clock.advance(Duration.ofSeconds(1));
            }
            long before = store.bytesOnDisk();
            assertThat(before).isGreaterThan(5L << 20);
            store.maintain();
            assertThat(store.bytesOnDisk()).isLessThanOrEqualTo(3L << 20).isGreaterThan(2L << 20);
            long kept = count(store);
            // what is left is the newest records, whole batches
            List<LogRecord> newest = new ArrayList<>();
            for (int b = batches.size() - 1; newest.size() < kept; b--) {
                newest.addAll(0, batches.get(b));
            }
            List<LogRecord> found = store.search(new LogSearch(all, LogSearch.Direction.FORWARD, 10_000,
                    java.util.Optional.empty())).records();
            assertThat(found).isEqualTo(newest);
        }
    }

    @Test
    void aSegmentASearchIsReadingIsDeletedWhenTheSearchIsDone() throws Exception {
        LogStoreSettings settings = LogStoreSettings.defaults().withRetention(Duration.ofHours(2));
        try (LogStore store = LogStore.open(dir, settings, clock)) {
            store.accept(batch(5, "old"));
            clock.advance(Duration.ofHours(1));
            store.accept(batch(5, "new"));
            Path first = dir.resolve(Segment.fileName(1));
            try (StoreView.Retained<BlockView> held = store.view().retain()) {
                clock.advance(Duration.ofMinutes(90));
                store.maintain();
                assertThat(first).exists();
                assertThat(held.blocks()).isNotEmpty();
            }
            assertThat(first).doesNotExist();
            assertThat(count(store)).isEqualTo(5);
        }
    }
}
