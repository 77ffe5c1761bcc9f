package dev.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.TestingStore.Codec;
import dev.vigil.storage.TestingStore.Item;
import dev.vigil.storage.TestingStore.Stored;
import dev.vigil.storage.TestingStore.TimesBlock;
import dev.vigil.storage.TestingStore.TimesFrame;
import dev.vigil.storage.TestingStore.TimesOpenBlock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentStoreTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final long T0_NANOS = T0.getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path dir;

    private final TestingStore.Clock clock = new TestingStore.Clock(T0);

    static List<Item> items(Random random, int n, long fromSecond) {
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Item(T0_NANOS + (fromSecond + i) * 1_000_000_000L, "tag" + random.nextInt(5)));
        }
        return out;
    }

    static List<Stored> numbered(List<Item> items) {
        List<Stored> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Stored(i, items.get(i).time(), items.get(i).tag()));
        }
        return out;
    }

    @Test
    void readersSeeSealedBlocksTheOpenBlockAndClosedSegmentsInStorageOrder() throws Exception {
        Random random = new Random(1);
        List<Item> stored = new ArrayList<>();
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 4096, 600, clock)) {
            for (int b = 0; b < 60; b++) {
                List<Item> batch = items(random, 1 + random.nextInt(10), stored.size());
                store.append(TestingStore.batch(codec, batch, 4));
                stored.addAll(batch);
            }
            assertThat(store.segmentCount()).isGreaterThan(2);
            assertThat(store.items()).isEqualTo(stored.size());
            StoreView<TimesBlock> view = store.view();
            Segment<TimesBlock> active = view.segments().get(view.segments().size() - 1);
            try (StoreView.Retained<TimesBlock> held = view.retain()) {
                assertThat(held.segments()).hasSize(store.segmentCount());
                // the closed segments' blocks are sealed, and the open block of the active one is seen too
                long sealed = held.blocks().stream().filter(b -> b.segment() != active).count();
                assertThat(sealed).isGreaterThan(3);
                assertThat(held.blocks().get(held.blocks().size() - 1).segment()).isSameAs(active);
                assertThat(held.blocks().stream().mapToLong(TimesBlock::count).sum()).isEqualTo(stored.size());
            }
            assertThat(TestingStore.everything(store, codec)).isEqualTo(numbered(stored));
        }
        Codec reopened = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, reopened, 4096, 600, clock)) {
            assertThat(TestingStore.everything(store, reopened)).isEqualTo(numbered(stored));
            // numbering goes on where it stopped
            List<Item> more = items(random, 3, stored.size());
            store.append(TestingStore.batch(reopened, more, 4));
            stored.addAll(more);
            assertThat(TestingStore.everything(store, reopened)).isEqualTo(numbered(stored));
        }
    }

    @Test
    void aViewIsASnapshot() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 1 << 20, 1 << 20,
                clock)) {
            store.append(TestingStore.batch(codec, items(new Random(2), 5, 0), 10));
            StoreView<TimesBlock> before = store.view();
            store.append(TestingStore.batch(codec, items(new Random(3), 5, 5), 10));
            try (StoreView.Retained<TimesBlock> held = before.retain()) {
                assertThat(held.blocks()).singleElement().extracting(TimesBlock::count).isEqualTo(5L);
            }
            assertThat(TestingStore.everything(store, codec)).hasSize(10);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 4096, 600, clock)) {
            assertThatThrownBy(() -> TestingStore.open(dir, new Codec(), 4096, 600, clock)).isInstanceOf(IOException.class)
                    .hasMessage("the test store folder " + dir + " is already in use by another test store (in this "
                            + "process or another); each store needs a folder of its own");
            assertThat(store.items()).isZero();
        }
        TestingStore.open(dir, codec, 4096, 600, clock).close();
    }

    @Test
    void aClosedStoreRefusesAppends() throws Exception {
        Codec codec = new Codec();
        SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 4096, 600, clock);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.append(TestingStore.batch(codec, items(new Random(1), 1, 0), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the test store in " + dir + " is closed");
    }

    @Test
    void definitionsAreWrittenOncePerSegmentAndReadBackOnOpen() throws Exception {
        Codec codec = new Codec();
        long oneBatch;
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, codec, 1 << 20, 1 << 20,
                clock)) {
            List<Item> batch = List.of(new Item(T0_NANOS, "a"), new Item(T0_NANOS + 1, "a"));
            store.append(TestingStore.batch(codec, batch, 1));
            long first = store.bytesOnDisk();
            store.append(TestingStore.batch(codec, batch, 1));
            oneBatch = store.bytesOnDisk() - first;
            // the second batch needs no definition frame: it is smaller by one
            assertThat(first - SegmentFormat.HEADER_BYTES - oneBatch).isEqualTo(Frames.PEEK + 4 + 4 + 1);
            assertThat(store.view().segments().get(0).defines(TestingStore.TAG, codec.idOf("a"))).isTrue();
        }
        Codec reopened = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = TestingStore.open(dir, reopened, 1 << 20, 1 << 20,
                clock)) {
            assertThat(reopened.tags).containsValue("a");
            assertThat(TestingStore.everything(store, reopened)).extracting(Stored::tag).containsOnly("a");
        }
    }
}
