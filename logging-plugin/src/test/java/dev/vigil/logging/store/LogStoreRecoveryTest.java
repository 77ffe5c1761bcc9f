package dev.vigil.logging.store;

import static dev.vigil.logging.store.TestRecords.at;
import static dev.vigil.logging.store.TestRecords.time;
import static dev.vigil.storage.testing.StoreFolders.activeSegment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.LogSearch.Direction;
import dev.vigil.api.logs.Severity;
import dev.vigil.storage.testing.StoreFolders;
import dev.vigil.testkit.TestingClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreRecoveryTest {

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock(TestRecords.T0);
    private final LogFilter all = LogFilter.between(time(0), time(10_000));

    private List<LogRecord> everything(LogStore store) {
        List<LogRecord> out = new ArrayList<>();
        LogSearch search = new LogSearch(all, Direction.FORWARD, LogSearch.MAX_LIMIT, Optional.empty());
        while (true) {
            var page = store.search(search);
            out.addAll(page.records());
            if (page.next().isEmpty()) {
                return out;
            }
            search = search.after(page);
        }
    }

    private static List<LogRecord> inTimeOrder(List<LogRecord> stored) {
        List<LogRecord> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparingLong(LogRecord::timeNanos)); // stable: ties keep storage order
        return sorted;
    }

    /** The store's folder as a killed process would leave it: what was written, without the lock held. */
    private Path snapshot(String name) throws IOException {
        return StoreFolders.killedCopy(dir, dir.resolveSibling(dir.getFileName() + "-" + name));
    }

    @Test
    void reopeningKeepsEveryRecordWhetherClosedOrKilled() throws Exception {
        Random random = new Random(11);
        List<LogRecord> stored = new ArrayList<>();
        Path killed;
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock, 16 * 1024)) {
            for (int b = 0; b < 100; b++) {
                List<LogRecord> batch = TestRecords.random(random, 1 + random.nextInt(40), 500);
                store.accept(batch);
                stored.addAll(batch);
            }
            killed = snapshot("killed");
        }
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock, 16 * 1024)) {
            assertThat(everything(store)).isEqualTo(inTimeOrder(stored));
            // and it goes on from there
            List<LogRecord> more = TestRecords.random(random, 50, 500);
            store.accept(more);
            stored.addAll(more);
            assertThat(everything(store)).isEqualTo(inTimeOrder(stored));
        }
        try (LogStore store = LogStore.open(killed, LogStoreSettings.defaults(), clock, 16 * 1024)) {
            assertThat(everything(store)).isEqualTo(inTimeOrder(stored.subList(0, stored.size() - 50)));
        }
    }

    @Test
    void aWriteCutShortAnywhereLosesOnlyTheBatchItWasWriting() throws Exception {
        Random random = new Random(5);
        List<List<LogRecord>> batches = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Path source;
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock, 4 * 1024)) {
            for (int b = 0; b < 30; b++) {
                List<LogRecord> batch = TestRecords.random(random, 1 + random.nextInt(20), 100);
                store.accept(batch);
                batches.add(batch);
                ends.add(store.bytesOnDisk());
            }
            source = snapshot("source");
        }
        long size = Files.size(activeSegment(source));
        long from = ends.get(20);
        for (long cut = from - 50; cut < size; cut += 37) {
            Path copy = snapshot("cut-" + cut);
            Files.copy(activeSegment(source), activeSegment(copy), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(activeSegment(copy), StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            List<LogRecord> kept = new ArrayList<>();
            int whole = 0;
            while (whole < batches.size() && ends.get(whole) <= cut) {
                kept.addAll(batches.get(whole++));
            }
            try (LogStore store = LogStore.open(copy, LogStoreSettings.defaults(), clock, 4 * 1024)) {
                List<LogRecord> found = everything(store);
                if (found.size() != kept.size() && whole < batches.size()) {
                    // the cut fell in the block index written after the next batch: that batch is whole
                    kept.addAll(batches.get(whole));
                }
                assertThat(found).as("cut at %d of %d", cut, size).isEqualTo(inTimeOrder(kept));
                store.accept(List.of(at(1, Severity.INFO, "cart", "after the crash")));
            }
            try (LogStore store = LogStore.open(copy, LogStoreSettings.defaults(), clock, 4 * 1024)) {
                assertThat(everything(store)).hasSize(kept.size() + 1);
            }
        }
    }

    @Test
    void aTornBatchOfSeveralFramesIsDroppedWhole() throws Exception {
        List<LogRecord> small = List.of(at(1, Severity.INFO, "cart", "small"));
        List<LogRecord> large = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 3000; i++) {
            byte[] noise = new byte[600];
            random.nextBytes(noise);
            large.add(at(2 + i / 1000.0, Severity.INFO, "cart", java.util.Base64.getEncoder().encodeToString(noise)));
        }
        long afterSmall;
        Path killed;
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
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
        try (LogStore store = LogStore.open(killed, LogStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).containsExactly(small.get(0));
            assertThat(store.bytesOnDisk()).isEqualTo(afterSmall);
        }
    }

    @Test
    void withFsyncEveryBatchIsForcedAndKept() throws Exception {
        LogStoreSettings settings = LogStoreSettings.defaults().withFsync(true);
        Random random = new Random(8);
        List<LogRecord> stored = new ArrayList<>();
        try (LogStore store = LogStore.open(dir, settings, clock, 8 * 1024)) {
            for (int b = 0; b < 20; b++) {
                List<LogRecord> batch = TestRecords.random(random, 20, 100);
                store.accept(batch);
                stored.addAll(batch);
            }
        }
        try (LogStore store = LogStore.open(dir, settings, clock, 8 * 1024)) {
            assertThat(everything(store)).isEqualTo(inTimeOrder(stored));
        }
    }

    @Test
    void garbageAfterTheLastFrameIsCutOff() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            store.accept(List.of(at(1, Severity.INFO, "cart", "one")));
        }
        Path segment = activeSegment(dir);
        long size = Files.size(segment);
        byte[] garbage = new byte[300];
        new Random(2).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            assertThat(everything(store)).extracting(LogRecord::body).containsExactly("one");
            assertThat(Files.size(segment)).isEqualTo(size);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() throws Exception {
        try (LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock)) {
            assertThatThrownBy(() -> LogStore.open(dir, LogStoreSettings.defaults(), clock)).isInstanceOf(IOException.class)
                    .hasMessageContaining("already in use by another log store");
        }
        LogStore.open(dir, LogStoreSettings.defaults(), clock).close();
    }

    @Test
    void aFileThatIsNotASegmentIsRefused() throws Exception {
        Files.write(dir.resolve("0000000001.seg"), new byte[64]);
        assertThatThrownBy(() -> LogStore.open(dir, LogStoreSettings.defaults(), clock)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a log segment");
        // and the lock was released
        Files.delete(dir.resolve("0000000001.seg"));
        LogStore.open(dir, LogStoreSettings.defaults(), clock).close();
    }

    @Test
    void aClosedStoreRefusesWork() throws Exception {
        LogStore store = LogStore.open(dir, LogStoreSettings.defaults(), clock);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.accept(List.of(at(1, Severity.INFO, "cart", "x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.search(LogSearch.newestFirst(all, 1))).isInstanceOf(IllegalStateException.class);
    }
}
