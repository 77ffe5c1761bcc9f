package dev.vigil.storage;

import static dev.vigil.storage.SegmentStoreTest.T0;
import static dev.vigil.storage.SegmentStoreTest.T0_NANOS;
import static dev.vigil.storage.SegmentStoreTest.items;
import static dev.vigil.storage.SegmentStoreTest.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.TestingStore.Codec;
import dev.vigil.storage.TestingStore.Item;
import dev.vigil.storage.TestingStore.Stored;
import dev.vigil.storage.TestingStore.TimesBlock;
import dev.vigil.storage.TestingStore.TimesFrame;
import dev.vigil.storage.TestingStore.TimesOpenBlock;
import dev.vigil.storage.testing.StoreFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path dir;

    private final TestingStore.Clock clock = new TestingStore.Clock(T0);

    private SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> open(Path folder, Codec codec) throws IOException {
        return TestingStore.open(folder, codec, 1 << 20, 2048, clock);
    }

    /** The folder as a killed process would leave it: what was written, without the lock held. */
    private Path snapshot(Path from, String name) throws IOException {
        return StoreFolders.killedCopy(from, dir.resolveSibling(dir.getFileName() + "-" + name));
    }

    /** What a store opened on {@code folder} holds, and how many bytes, once it has recovered. */
    private record Contents(List<Stored> items, long bytes) {}

    private Contents reopen(Path folder) throws IOException {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(folder, codec, 1 << 20, 1 << 20,
                clock)) {
            return new Contents(TestingStore.everything(store, codec), store.bytesOnDisk());
        }
    }

    /** A folder as a process killed after two appends leaves it, and where the first one ended. */
    private record Killed(Path folder, long firstEnd) {}

    private Killed killedAfter(List<Item> first, List<Item> second) throws IOException {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 1 << 20, 1 << 20,
                clock)) {
            store.append(TestingStore.batch(codec, first, 10));
            long firstEnd = store.bytesOnDisk();
            store.append(TestingStore.batch(codec, second, 10));
            return new Killed(snapshot(dir, "killed"), firstEnd);
        }
    }

    private static Path segment(Path folder, long number) {
        return folder.resolve(Segment.fileName(number));
    }

    private static void cut(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, offset);
        }
    }

    @Test
    void aWriteCutShortAnywhereLosesOnlyTheBatchItWasWriting() throws Exception {
        Random random = new Random(5);
        List<List<Item>> batches = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Path source;
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(dir, codec)) {
            int n = 0;
            for (int b = 0; b < 40; b++) {
                List<Item> batch = items(random, 1 + random.nextInt(12), n);
                n += batch.size();
                store.append(TestingStore.batch(codec, batch, 5));
                batches.add(batch);
                ends.add(store.bytesOnDisk());
            }
            source = snapshot(dir, "source");
        }
        long size = Files.size(segment(source, 1));
        for (long cut = ends.get(25) - 40; cut < size; cut += 13) {
            Path copy = snapshot(source, "cut-" + cut);
            cut(segment(copy, 1), cut);
            List<Item> kept = new ArrayList<>();
            int whole = 0;
            while (whole < batches.size() && ends.get(whole) <= cut) {
                kept.addAll(batches.get(whole++));
            }
            Codec reopened = new Codec();
            try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(copy, reopened)) {
                List<Stored> found = TestingStore.everything(store, reopened);
                if (found.size() != kept.size() && whole < batches.size()) {
                    // the cut fell in the block frame written after the next batch: that batch is whole
                    kept.addAll(batches.get(whole));
                }
                assertThat(found).as("cut at %d of %d", cut, size).isEqualTo(numbered(kept));
                assertThat(Files.size(segment(copy, 1))).as("cut at %d", cut).isLessThanOrEqualTo(cut);
                store.append(TestingStore.batch(reopened, List.of(new Item(T0_NANOS, "after")), 5));
            }
            Codec again = new Codec();
            try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(copy, again)) {
                List<Stored> found = TestingStore.everything(store, again);
                assertThat(found).hasSize(kept.size() + 1);
                assertThat(found.get(kept.size())).isEqualTo(new Stored(kept.size(), T0_NANOS, "after"));
            }
        }
    }

    @Test
    void aTornBatchOfSeveralFramesIsDroppedWhole() throws Exception {
        List<Item> large = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            large.add(new Item(T0_NANOS + i, "small"));
        }
        Killed killed = killedAfter(List.of(new Item(T0_NANOS, "small")), large);
        Path file = segment(killed.folder(), 1);
        // cut inside the last of its three frames: the first two are whole but must not survive alone
        cut(file, Files.size(file) - 3);
        assertThat(reopen(killed.folder()))
                .isEqualTo(new Contents(List.of(new Stored(0, T0_NANOS, "small")), killed.firstEnd()));
    }

    @Test
    void garbageAfterTheLastFrameIsCutOff() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(dir, codec)) {
            store.append(TestingStore.batch(codec, List.of(new Item(T0_NANOS, "one")), 10));
        }
        long size = Files.size(segment(dir, 1));
        byte[] garbage = new byte[300];
        new Random(2).nextBytes(garbage);
        Files.write(segment(dir, 1), garbage, StandardOpenOption.APPEND);
        assertThat(reopen(dir).items()).extracting(Stored::tag).containsExactly("one");
        assertThat(Files.size(segment(dir, 1))).isEqualTo(size);
    }

    @Test
    void aDataFrameFailingItsChecksumInTheOpenBlockEndsTheSegmentThere() throws Exception {
        Killed killed = killedAfter(List.of(new Item(T0_NANOS, "first")), List.of(new Item(T0_NANOS + 1, "first")));
        flip(segment(killed.folder(), 1), killed.firstEnd() + Frames.PREFIX + TestingStore.DATA_FIXED);
        assertThat(reopen(killed.folder()))
                .isEqualTo(new Contents(List.of(new Stored(0, T0_NANOS, "first")), killed.firstEnd()));
    }

    @Test
    void aSealedDataFrameFailingItsChecksumIsRefusedNamingFileAndOffset() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 1 << 20, 1 << 20,
                clock)) {
            store.append(TestingStore.batch(codec, List.of(new Item(T0_NANOS, "first")), 10));
            store.append(TestingStore.batch(codec, List.of(new Item(T0_NANOS + 1, "second")), 10));
        }
        // the block frame is whole; one byte of the first data frame's payload is flipped
        Path file = segment(dir, 1);
        Codec reopened = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, reopened, 1 << 20, 1 << 20,
                clock)) {
            TimesFrame first;
            try (StoreView.Retained<TimesBlock> held = store.view().retain()) {
                first = held.blocks().get(0).frames().get(0);
            }
            flip(file, first.offset() + first.length() - 1);
            TestingStore.Reader reader = new TestingStore.Reader(reopened);
            try (StoreView.Retained<TimesBlock> held = store.view().retain()) {
                Segment<TimesBlock> segment = held.segments().get(0);
                assertThatThrownBy(() -> reader.read(segment, first)).isInstanceOf(DamagedFrameException.class)
                        .hasMessage("the frame at offset " + first.offset() + " of " + file
                                + " is damaged (its checksum does not match)")
                        .satisfies(e -> assertThat(((DamagedFrameException) e).offset()).isEqualTo(first.offset()));
                assertThat(reader.load(segment, first)).isNull();
            }
            // the other frame is read
            assertThat(TestingStore.everything(store, reopened)).extracting(Stored::tag).containsExactly("second");
        }
    }

    @Test
    void aFileThatIsNotASegmentIsRefusedAndTheLockReleased() throws Exception {
        Files.write(segment(dir, 1), new byte[64]);
        assertThatThrownBy(() -> open(dir, new Codec())).isInstanceOf(IOException.class)
                .hasMessage(segment(dir, 1) + " is not a test segment (it does not start with VIGILTST); move it out of "
                        + "the store's folder");
        Files.delete(segment(dir, 1));
        open(dir, new Codec()).close();
    }

    @Test
    void aSegmentOfAnotherFormatVersionIsRefusedNamingTheFile() throws Exception {
        SegmentFormat older = new SegmentFormat("test", "items", "VIGILTST", 2, true);
        Files.write(segment(dir, 1), older.header(0, 0));
        assertThatThrownBy(() -> open(dir, new Codec())).isInstanceOf(IOException.class)
                .hasMessage(segment(dir, 1) + " is a test segment of format version 2, and this version of the test store "
                        + "reads only version 1; move it out of the store's folder");
    }

    @Test
    void aSegmentWhoseHeaderWasNotWrittenIsRemoved() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(dir, codec)) {
            store.append(TestingStore.batch(codec, List.of(new Item(T0_NANOS, "one")), 10));
        }
        Files.write(segment(dir, 2), new byte[7]);
        assertThat(reopen(dir).items()).extracting(Stored::tag).containsExactly("one");
        assertThat(segment(dir, 2)).doesNotExist();
    }
}
