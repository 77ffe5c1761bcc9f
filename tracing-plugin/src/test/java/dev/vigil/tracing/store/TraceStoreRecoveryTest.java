package dev.vigil.tracing.store;

import static dev.vigil.tracing.store.TestSpans.span;
import static dev.vigil.tracing.store.TestSpans.time;
import static dev.vigil.storage.testing.StoreFolders.activeSegment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.storage.testing.StoreFolders;
import dev.vigil.testkit.TestingClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreRecoveryTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestSpans.T0);

    private static List<SpanRecord> everything(TraceStore store) {
        List<SpanRecord> out = new ArrayList<>();
        store.scan(Instant.EPOCH, Instant.MAX, out::add);
        return out;
    }

    /** The store's folder as a killed process would leave it: what was written, without the lock held. */
    private Path snapshot(String name) throws IOException {
        return StoreFolders.killedCopy(dir, dir.resolveSibling(dir.getFileName() + "-" + name));
    }

    @Test
    void reopeningKeepsEverySpanWhetherClosedOrKilled() throws Exception {
        Random random = new Random(11);
        List<SpanRecord> stored = new ArrayList<>();
        Path killed;
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            for (List<SpanRecord> batch : TestSpans.batches(random, TestSpans.traces(random, 300, 100), 40)) {
                store.accept(batch);
                stored.addAll(batch);
            }
            // a killed process: the open block's index was never written
            killed = snapshot("killed");
        }
        String someTrace = stored.get(0).traceId();
        try (TraceStore store = TraceStore.open(killed, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(store.trace(someTrace)).isEqualTo(TestSpans.trace(stored, someTrace));
            TraceSearch search = TraceSearch.between(time(0), time(200), 50).withErrorsOnly();
            assertThat(store.search(search)).isEqualTo(TestSpans.search(stored, search));
            // and it goes on from there
            List<SpanRecord> more = TestSpans.traces(random, 10, 100);
            store.accept(more);
            stored.addAll(more);
        }
        try (TraceStore store = TraceStore.open(killed, TraceStoreSettings.defaults(), clock, 16 * 1024)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    @Test
    void aWriteCutShortAnywhereLosesOnlyTheBatchItWasWriting() throws Exception {
        Random random = new Random(5);
        List<List<SpanRecord>> batches = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Path source;
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock, 4 * 1024)) {
            for (int b = 0; b < 30; b++) {
                List<SpanRecord> batch = TestSpans.traces(random, 1 + random.nextInt(4), 100);
                store.accept(batch);
                batches.add(batch);
                ends.add(store.bytesOnDisk());
            }
            source = snapshot("source");
        }
        long size = Files.size(activeSegment(source));
        for (long cut = ends.get(20) - 50; cut < size; cut += 41) {
            Path copy = snapshot("cut-" + cut);
            Files.copy(activeSegment(source), activeSegment(copy), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(activeSegment(copy), StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            List<SpanRecord> kept = new ArrayList<>();
            int whole = 0;
            while (whole < batches.size() && ends.get(whole) <= cut) {
                kept.addAll(batches.get(whole++));
            }
            try (TraceStore store = TraceStore.open(copy, TraceStoreSettings.defaults(), clock, 4 * 1024)) {
                List<SpanRecord> found = everything(store);
                if (found.size() != kept.size() && whole < batches.size()) {
                    // the cut fell in the block index written after the next batch: that batch is whole
                    kept.addAll(batches.get(whole));
                }
                assertThat(found).as("cut at %d of %d", cut, size).containsExactlyInAnyOrderElementsOf(kept);
                for (SpanRecord s : kept) {
                    assertThat(store.trace(s.traceId())).contains(s);
                }
                store.accept(List.of(span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "", "cart", "after", 1, 1,
                        false, Map.of())));
            }
            try (TraceStore store = TraceStore.open(copy, TraceStoreSettings.defaults(), clock, 4 * 1024)) {
                assertThat(everything(store)).hasSize(kept.size() + 1);
                assertThat(store.trace("4bf92f3577b34da6a3ce929d0e0e4736")).extracting(SpanRecord::name).containsExactly("after");
            }
        }
    }

    @Test
    void aTornBatchOfSeveralFramesIsDroppedWhole() throws Exception {
        List<SpanRecord> small = List.of(span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "", "cart", "small", 1, 1,
                false, Map.of()));
        List<SpanRecord> large = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 3000; i++) {
            byte[] noise = new byte[600];
            random.nextBytes(noise);
            large.add(span(TestSpans.randomTraceId(random), TestSpans.randomSpanId(random), "", "cart", "large", 2 + i / 1000.0,
                    0.1, false, Map.of("noise", Base64.getEncoder().encodeToString(noise))));
        }
        long afterSmall;
        Path killed;
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(small);
            afterSmall = store.bytesOnDisk();
            store.accept(large);
            killed = snapshot("killed");
        }
        Path segment = activeSegment(killed);
        long end = Files.size(segment);
        assertThat(end - afterSmall).isGreaterThan(2L * Format.MAX_FRAME_RAW);
        // cut inside the last of its frames: the first ones are whole but must not survive alone
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(end - 1000);
        }
        try (TraceStore store = TraceStore.open(killed, TraceStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactly(small.get(0));
            // the definition of the operation "large", written before the batch, is whole and stays; unused
            assertThat(store.bytesOnDisk()).isBetween(afterSmall, afterSmall + 64);
            assertThat(store.services(Instant.EPOCH, Instant.MAX)).containsExactly("cart");
            assertThat(store.operations("cart", Instant.EPOCH, Instant.MAX)).extracting(o -> o.name()).containsExactly("small");
        }
    }

    @Test
    void withFsyncEveryBatchIsForcedAndKept() throws Exception {
        TraceStoreSettings settings = TraceStoreSettings.defaults().withFsync(true);
        Random random = new Random(8);
        List<SpanRecord> stored = new ArrayList<>();
        try (TraceStore store = TraceStore.open(dir, settings, clock, 8 * 1024)) {
            for (int b = 0; b < 20; b++) {
                List<SpanRecord> batch = TestSpans.traces(random, 5, 100);
                store.accept(batch);
                stored.addAll(batch);
            }
        }
        try (TraceStore store = TraceStore.open(dir, settings, clock, 8 * 1024)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    @Test
    void garbageAfterTheLastFrameIsCutOff() throws Exception {
        SpanRecord one = span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "", "cart", "one", 1, 1, false, Map.of());
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(List.of(one));
        }
        Path segment = activeSegment(dir);
        long size = Files.size(segment);
        byte[] garbage = new byte[300];
        new Random(2).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactly(one);
            assertThat(Files.size(segment)).isEqualTo(size);
        }
    }

    @Test
    void aDamagedFrameIsSkippedAndTheRestIsRead() throws Exception {
        Random random = new Random(6);
        List<SpanRecord> first = TestSpans.traces(random, 20, 10);
        List<SpanRecord> second = TestSpans.traces(random, 20, 10);
        long firstEnd;
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            store.accept(first);
            firstEnd = store.bytesOnDisk();
            store.accept(second);
        }
        // the block index is whole; one byte inside the first data frame's payload is flipped
        Path segment = activeSegment(dir);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, firstEnd - 20);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, firstEnd - 20);
        }
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactlyInAnyOrderElementsOf(second);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() throws Exception {
        try (TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock)) {
            assertThatThrownBy(() -> TraceStore.open(dir, TraceStoreSettings.defaults(), clock)).isInstanceOf(IOException.class)
                    .hasMessageContaining("already in use by another trace store");
        }
        TraceStore.open(dir, TraceStoreSettings.defaults(), clock).close();
    }

    @Test
    void aFileThatIsNotASegmentIsRefused() throws Exception {
        Files.write(dir.resolve("0000000001.seg"), new byte[64]);
        assertThatThrownBy(() -> TraceStore.open(dir, TraceStoreSettings.defaults(), clock)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a trace segment");
        // and the lock was released
        Files.delete(dir.resolve("0000000001.seg"));
        TraceStore.open(dir, TraceStoreSettings.defaults(), clock).close();
    }

    @Test
    void aClosedStoreRefusesWork() throws Exception {
        TraceStore store = TraceStore.open(dir, TraceStoreSettings.defaults(), clock);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.accept(TestSpans.traces(new Random(1), 1, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.trace("4bf92f3577b34da6a3ce929d0e0e4736")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.search(TraceSearch.between(time(0), time(1), 1))).isInstanceOf(IllegalStateException.class);
    }
}
