package dev.vigil.tracing.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
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

class TraceStoreRetentionTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);
    private final Random random = new Random(9);

    /** Spans that hardly compress, about a kilobyte each, one trace each, started at the clock's time. */
    private List<SpanRecord> batch(int count, String service) {
        List<SpanRecord> out = new ArrayList<>();
        long now = Nanos.at(clock.instant());
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[700];
            random.nextBytes(noise);
            out.add(new SpanRecord(TestSpans.randomTraceId(random), TestSpans.randomSpanId(random), "", "GET /", SpanKind.SERVER,
                    now + i, now + i + 1000, SpanStatus.UNSET,
                    TestSpans.resource(service, 0), "", Map.of("noise", Base64.getEncoder().encodeToString(noise)), List.of(),
                    List.of()));
        }
        return out;
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).count();
        }
    }

    private static long count(TraceStore store) {
        long[] n = {0};
        store.scan(Instant.EPOCH, Instant.MAX, s -> n[0]++);
        return n[0];
    }

    @Test
    void segmentsWhoseLatestSpanIsPastRetentionAreDeleted() throws Exception {
        TraceStoreSettings settings = TraceStoreSettings.defaults().withRetention(Duration.ofDays(7));
        List<SpanRecord> old = new ArrayList<>();
        try (TraceStore store = TraceStore.open(dir, settings, clock)) {
            old.addAll(batch(10, "old"));
            store.accept(old.subList(0, 10));
            clock.advance(Duration.ofMinutes(10));
            old.addAll(batch(10, "old"));
            store.accept(old.subList(10, 20));
            // a segment an hour old is closed on the next append
            clock.advance(Duration.ofMinutes(55));
            store.accept(batch(10, "new"));
            assertThat(segmentFiles()).isEqualTo(2);

            // maintenance closes the hour-old segment being written, and deletes nothing yet
            clock.set(TestSpans.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(9)));
            store.maintain();
            assertThat(segmentFiles()).isEqualTo(3);
            assertThat(store.trace(old.get(15).traceId())).hasSize(1);
            clock.set(TestSpans.T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(11)));
            store.maintain();
            assertThat(segmentFiles()).isEqualTo(2);
            assertThat(count(store)).isEqualTo(10);
            assertThat(store.trace(old.get(15).traceId())).isEmpty();
            assertThat(store.services(Instant.EPOCH, Instant.MAX)).containsExactly("new");
            assertThat(store.search(TraceSearch.between(Instant.EPOCH, Instant.MAX, 100))).extracting(TraceSummary::rootService)
                    .containsOnly("new").hasSize(10);

            // the segment being written goes too once all of it is past retention
            clock.set(TestSpans.T0.plus(Duration.ofDays(8)));
            store.maintain();
            assertThat(count(store)).isZero();
            assertThat(segmentFiles()).isEqualTo(1);
            store.accept(batch(3, "later"));
            assertThat(count(store)).isEqualTo(3);
        }
        try (TraceStore store = TraceStore.open(dir, settings, clock)) {
            assertThat(count(store)).isEqualTo(3);
            assertThat(store.services(Instant.EPOCH, Instant.MAX)).containsExactly("later");
        }
    }

    @Test
    void theOldestSegmentsAreDeletedBeyondTheSizeLimit() throws Exception {
        TraceStoreSettings settings = TraceStoreSettings.defaults().withSegmentSize(ByteSize.ofMebibytes(1))
                .withRetentionSize(ByteSize.ofMebibytes(3));
        List<List<SpanRecord>> batches = new ArrayList<>();
        try (TraceStore store = TraceStore.open(dir, settings, clock)) {
            for (int b = 0; b < 60; b++) {
                batches.add(batch(100, "s" + b));
                store.accept(batches.get(b));
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(store.bytesOnDisk()).isGreaterThan(5L << 20);
            store.maintain();
            assertThat(store.bytesOnDisk()).isLessThanOrEqualTo(3L << 20).isGreaterThan(2L << 20);
            assertThat(segmentFiles()).isEqualTo(store.segmentCount());
            long kept = count(store);
            // what is left is the newest spans, whole batches
            List<SpanRecord> newest = new ArrayList<>();
            for (int b = batches.size() - 1; newest.size() < kept; b--) {
                newest.addAll(0, batches.get(b));
            }
            List<SpanRecord> found = new ArrayList<>();
            store.scan(Instant.EPOCH, Instant.MAX, found::add);
            assertThat(found).containsExactlyInAnyOrderElementsOf(newest);
            assertThat(store.services(Instant.EPOCH, Instant.MAX)).hasSize((int) kept / 100);
        }
    }

    @Test
    void aSegmentAQueryIsReadingIsDeletedWhenTheQueryIsDone() throws Exception {
        TraceStoreSettings settings = TraceStoreSettings.defaults().withRetention(Duration.ofHours(2));
        try (TraceStore store = TraceStore.open(dir, settings, clock)) {
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
