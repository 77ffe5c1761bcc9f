package dev.vigil.storage;

import static dev.vigil.storage.SegmentStoreTest.T0;
import static dev.vigil.storage.SegmentStoreTest.T0_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.storage.TestingStore.Codec;
import dev.vigil.storage.TestingStore.Item;
import dev.vigil.storage.TestingStore.Stored;
import dev.vigil.storage.TestingStore.TimesBlock;
import dev.vigil.storage.TestingStore.TimesFrame;
import dev.vigil.storage.TestingStore.TimesOpenBlock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path dir;

    private final TestingStore.Clock clock = new TestingStore.Clock(T0);

    private Segment<TimesBlock> segment(long number, long size, long items, long maxTime) throws IOException {
        SegmentFile file = SegmentFile.open(dir.resolve(Segment.fileName(number)), true);
        file.close();
        Segment<TimesBlock> s = new Segment<>(TestingStore.FORMAT, number, file, 0, 0, size);
        if (items > 0) {
            s.addItems(maxTime - 1, maxTime, items);
        }
        return s;
    }

    @Test
    void segmentsWhoseLatestItemIsBeforeTheCutoffAreChosenAndEmptyOnesToo() throws Exception {
        Segment<TimesBlock> old = segment(1, 100, 10, 5);
        Segment<TimesBlock> empty = segment(2, 32, 0, 0);
        Segment<TimesBlock> young = segment(3, 100, 10, 20);
        Retention.Choice<TimesBlock> choice = Retention.choose(List.of(old, empty, young), 100, 10, 0);
        assertThat(choice.delete()).containsExactly(old, empty);
        assertThat(choice.keep()).containsExactly(young);
    }

    @Test
    void theOldestAreChosenUntilTheStoreFitsItsSizeCountingTheActiveSegment() throws Exception {
        Segment<TimesBlock> a = segment(1, 100, 1, 50);
        Segment<TimesBlock> b = segment(2, 100, 1, 50);
        Segment<TimesBlock> c = segment(3, 100, 1, 50);
        assertThat(Retention.choose(List.of(a, b, c), 100, 0, 250).delete()).containsExactly(a, b);
        assertThat(Retention.choose(List.of(a, b, c), 100, 0, 400).delete()).isEmpty();
        // the active segment alone is over the limit: every closed one goes, the active one stays
        assertThat(Retention.choose(List.of(a, b, c), 1000, 0, 250).delete()).containsExactly(a, b, c);
    }

    private SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> open(Codec codec) throws IOException {
        return TestingStore.open(dir, codec, 4096, 1024, clock);
    }

    /** A batch of 50 items at {@code T0} and the next hour, a second segment begun an hour after the first. */
    private void oldThenNew(SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store, Codec codec) {
        store.append(TestingStore.batch(codec, batch(0, "old"), 25));
        clock.advance(Duration.ofHours(1));
        // the first segment is an hour old: this batch starts the second
        store.append(TestingStore.batch(codec, batch(1, "new"), 25));
    }

    private static List<Item> batch(long hour, String tag) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(new Item(T0_NANOS + hour * HOUR + i, tag));
        }
        return out;
    }

    @Test
    void maintainDeletesSegmentsPastTheirAgeAndForgetsTheirDefinitions() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(codec)) {
            oldThenNew(store, codec);
            assertThat(store.segmentCount()).isEqualTo(2);
            clock.advance(Duration.ofMinutes(90));
            store.maintain(Duration.ofHours(2), 0);
            // the second segment, an hour old, is closed too, and kept
            assertThat(store.view().segments()).extracting(Segment::number).containsExactly(2L, 3L);
            assertThat(dir.resolve(Segment.fileName(1))).doesNotExist();
            assertThat(codec.tags).containsOnly(java.util.Map.entry(codec.idOf("new"), "new"));
            assertThat(TestingStore.everything(store, codec)).extracting(Stored::tag).containsOnly("new").hasSize(50);
        }
    }

    @Test
    void maintainClosesTheActiveSegmentOnceAllItsItemsArePastRetention() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(codec)) {
            store.append(TestingStore.batch(codec, batch(0, "old"), 25));
            clock.advance(Duration.ofMinutes(30));
            store.maintain(Duration.ofMinutes(10), 0);
            assertThat(store.items()).isZero();
            assertThat(store.segmentCount()).isEqualTo(1);
            assertThat(store.view().segments().get(0).number()).isEqualTo(2);
        }
    }

    @Test
    void maintainDeletesTheOldestSegmentsBeyondTheSizeLimit() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(codec)) {
            for (int b = 0; b < 100; b++) {
                store.append(TestingStore.batch(codec, batch(0, "t" + b), 25));
            }
            assertThat(store.segmentCount()).isGreaterThan(6);
            store.maintain(Duration.ofDays(1), 3 * 4096);
            assertThat(store.bytesOnDisk()).isLessThanOrEqualTo(3 * 4096);
            List<Stored> left = TestingStore.everything(store, codec);
            assertThat(left).isNotEmpty();
            // what is left is the newest, in order
            assertThat(left.get(left.size() - 1).tag()).isEqualTo("t99");
            assertThat(left.get(0).seq()).isEqualTo(100 * 50 - left.size());
        }
    }

    @Test
    void aSegmentAReaderHoldsIsDeletedWhenTheReaderIsDone() throws Exception {
        Codec codec = new Codec();
        try (SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store = open(codec)) {
            oldThenNew(store, codec);
            Path first = dir.resolve(Segment.fileName(1));
            try (StoreView.Retained<TimesBlock> held = store.view().retain()) {
                clock.advance(Duration.ofMinutes(90));
                store.maintain(Duration.ofHours(2), 0);
                assertThat(first).exists();
                assertThat(held.blocks()).isNotEmpty();
                // a view published after retention does not show it
                try (StoreView.Retained<TimesBlock> later = store.view().retain()) {
                    assertThat(later.segments()).extracting(Segment::number).containsExactly(2L, 3L);
                }
            }
            assertThat(first).doesNotExist();
            assertThat(store.items()).isEqualTo(50);
        }
    }
}
