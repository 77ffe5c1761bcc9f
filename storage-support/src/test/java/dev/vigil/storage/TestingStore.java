package dev.vigil.storage;

import io.airlift.compress.lz4.Lz4Compressor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small store of timed, tagged items over the library, as a plugin's store would be built: tags are definitions,
 * a data frame's header holds its count, time range and payload length, and a block frame holds its frames' headers.
 */
final class TestingStore {

    static final SegmentFormat FORMAT = new SegmentFormat("test", "items", "VIGILTST", 1, true);
    static final byte TAG = 1;
    /** Type, flags, count, min time, max time, raw length, tag count. */
    static final int DATA_FIXED = 1 + 1 + 4 + 8 + 8 + 4 + 4;
    static final int ITEM_BYTES = 12;

    private TestingStore() {}

    /** An item: a time and the name of a tag. */
    record Item(long time, String tag) {}

    /** An item as read back, with its sequence number. */
    record Stored(long seq, long time, String tag) {}

    static SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> open(Path dir, Codec codec, long segmentBytes,
            long blockRawBytes, InstantSource clock) throws IOException {
        return SegmentStore.open(dir, codec, new SegmentSettings(segmentBytes, Duration.ofHours(1), blockRawBytes, false),
                clock);
    }

    /** The time, moved by hand. */
    static final class Clock implements InstantSource {
        private volatile Instant now;

        Clock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Every item the store holds, in storage order. */
    static List<Stored> everything(SegmentStore<TimesFrame, TimesBlock, TimesOpenBlock> store, Codec codec)
            throws IOException {
        List<Stored> out = new ArrayList<>();
        Reader reader = new Reader(codec);
        try (StoreView.Retained<TimesBlock> held = store.view().retain()) {
            for (TimesBlock b : held.blocks()) {
                for (TimesFrame f : b.frames()) {
                    List<Stored> items = reader.load(b.segment(), f);
                    if (items != null) {
                        out.addAll(items);
                    }
                }
            }
        }
        return out;
    }

    static TimesFrame parseFrame(byte[] frame, int length, long offset, long sequence) {
        int p = Frames.PREFIX;
        if (length < p + DATA_FIXED || frame[p] != Frames.DATA) {
            throw new IllegalArgumentException("not a data frame");
        }
        int count = (int) Bytes.BE_INT.get(frame, p + 2);
        int tagCount = (int) Bytes.BE_INT.get(frame, p + 26);
        if (count < 1 || tagCount < 0) {
            throw new IllegalArgumentException("a data frame header is damaged");
        }
        return new TimesFrame(offset, length, sequence, count, (long) Bytes.BE_LONG.get(frame, p + 6),
                (long) Bytes.BE_LONG.get(frame, p + 14), (int) Bytes.BE_INT.get(frame, p + 22), p + DATA_FIXED + 4 * tagCount,
                frame[p + 1] != 0);
    }

    record TimesFrame(long offset, int length, long sequence, int count, long minTime, long maxTime, int rawLength,
            int payloadOffset, boolean continues) implements DataFrame {}

    record TimesBlock(Segment<TimesBlock> segment, long minTime, long maxTime, long count, List<TimesFrame> frames)
            implements Block {}

    static final class TimesOpenBlock extends BlockBuilder<TimesFrame, TimesBlock> {
        final List<TimesFrame> frames = new ArrayList<>();
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        long count;

        void add(TimesFrame f) {
            count(f);
            frames.add(f);
            minTime = Math.min(minTime, f.minTime());
            maxTime = Math.max(maxTime, f.maxTime());
            count += f.count();
        }

        @Override
        public TimesBlock view(Segment<TimesBlock> segment) {
            return new TimesBlock(segment, minTime, maxTime, count, List.copyOf(frames));
        }
    }

    /** The tags, by id, and the layout of the frames. */
    static final class Codec implements StoreCodec<TimesFrame, TimesBlock, TimesOpenBlock> {
        final Map<Integer, String> tags = new ConcurrentHashMap<>();
        final Map<String, Integer> ids = new ConcurrentHashMap<>();

        int idOf(String tag) {
            return ids.computeIfAbsent(tag, t -> {
                int id = ids.size();
                tags.put(id, t);
                return id;
            });
        }

        @Override
        public SegmentFormat format() {
            return FORMAT;
        }

        @Override
        public boolean isDefinition(byte type) {
            return type == TAG;
        }

        @Override
        public void define(byte type, int id, byte[] frame, int at) {
            String tag = Bytes.stringBE(frame, new int[] {at});
            tags.put(id, tag);
            ids.putIfAbsent(tag, id);
        }

        Definition definition(int id, String tag) {
            return Definition.of(TAG, id, out -> out.putStringBE(tag), () -> {
                tags.put(id, tag);
                ids.putIfAbsent(tag, id);
            });
        }

        @Override
        public TimesFrame frame(byte[] frame, int length, long offset, long sequence) {
            return parseFrame(frame, length, offset, sequence);
        }

        @Override
        public TimesBlock block(Segment<TimesBlock> segment, long offset, byte[] frame, int length) {
            int p = Frames.PEEK;
            long min = (long) Bytes.BE_LONG.get(frame, p);
            long max = (long) Bytes.BE_LONG.get(frame, p + 8);
            long count = (long) Bytes.BE_LONG.get(frame, p + 16);
            int n = (int) Bytes.BE_INT.get(frame, p + 24);
            p += 28;
            if (n < 1 || p + 53L * n != length) {
                throw new IllegalArgumentException("a block frame's table is damaged");
            }
            List<TimesFrame> frames = new ArrayList<>(n);
            for (int k = 0; k < n; k++, p += 53) {
                frames.add(new TimesFrame((long) Bytes.BE_LONG.get(frame, p), (int) Bytes.BE_INT.get(frame, p + 8),
                        (long) Bytes.BE_LONG.get(frame, p + 12), (int) Bytes.BE_INT.get(frame, p + 20),
                        (long) Bytes.BE_LONG.get(frame, p + 24), (long) Bytes.BE_LONG.get(frame, p + 32),
                        (int) Bytes.BE_INT.get(frame, p + 40), (int) Bytes.BE_INT.get(frame, p + 44), frame[p + 48] != 0));
            }
            return new TimesBlock(segment, min, max, count, List.copyOf(frames));
        }

        @Override
        public TimesOpenBlock newBlock() {
            return new TimesOpenBlock();
        }

        @Override
        public byte[] blockFrame(TimesOpenBlock block) {
            ByteSink out = new ByteSink(64);
            int start = Frames.begin(out, Frames.BLOCK);
            out.putLongBE(block.minTime);
            out.putLongBE(block.maxTime);
            out.putLongBE(block.count);
            out.putIntBE(block.frames.size());
            for (TimesFrame f : block.frames) {
                out.putLongBE(f.offset());
                out.putIntBE(f.length());
                out.putLongBE(f.sequence());
                out.putIntBE(f.count());
                out.putLongBE(f.minTime());
                out.putLongBE(f.maxTime());
                out.putIntBE(f.rawLength());
                out.putIntBE(f.payloadOffset());
                out.putByte(f.continues() ? 1 : 0);
                out.putIntBE(0);
            }
            Frames.end(out, start);
            return out.toByteArray();
        }

        @Override
        public void reindex(TimesOpenBlock block, TimesFrame frame, byte[] raw) {
            if (frame.rawLength() != ITEM_BYTES * frame.count()) {
                throw new IllegalArgumentException("the payload does not hold " + frame.count() + " items");
            }
            block.add(frame);
        }

        @Override
        public void retainDefinitions(Defined live) {
            tags.keySet().removeIf(id -> !live.test(TAG, id));
            ids.values().removeIf(id -> !live.test(TAG, id));
        }
    }

    /** Reads a data frame's items. */
    static final class Reader extends FrameReader<TimesFrame, List<Stored>> {
        Reader(Codec codec) {
            super(FORMAT, (frame, raw) -> {
                if (frame.rawLength() != ITEM_BYTES * frame.count()) {
                    throw new IllegalArgumentException("the payload does not hold " + frame.count() + " items");
                }
                List<Stored> items = new ArrayList<>(frame.count());
                for (int i = 0; i < frame.count(); i++) {
                    int tag = (int) Bytes.LE_INT.get(raw, ITEM_BYTES * i + 8);
                    items.add(new Stored(frame.sequence() + i, (long) Bytes.LE_LONG.get(raw, ITEM_BYTES * i),
                            codec.tags.getOrDefault(tag, "?")));
                }
                return items;
            });
        }
    }

    /** {@code items} encoded into frames of at most {@code perFrame} items each. */
    static Batch<TimesFrame, TimesOpenBlock> batch(Codec codec, List<Item> items, int perFrame) {
        List<Integer> starts = new ArrayList<>();
        ByteSink[] sink = new ByteSink[1];
        Batch<TimesFrame, TimesOpenBlock> batch = new Batch<>((k, offset, sequence, block) -> {
            byte[] frame = Arrays.copyOfRange(sink[0].array(), starts.get(k), starts.get(k + 1));
            TimesFrame info = parseFrame(frame, frame.length, offset, sequence);
            block.add(info);
            return info;
        });
        batch.clear(items.size());
        ByteSink out = batch.out();
        sink[0] = out;
        Lz4Compressor lz4 = new Lz4Compressor();
        for (int from = 0; from < items.size(); from += perFrame) {
            List<Item> part = items.subList(from, Math.min(items.size(), from + perFrame));
            byte[] raw = new byte[ITEM_BYTES * part.size()];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < part.size(); i++) {
                Item item = part.get(i);
                int tag = codec.idOf(item.tag());
                batch.define(codec.definition(tag, item.tag()));
                Bytes.LE_LONG.set(raw, ITEM_BYTES * i, item.time());
                Bytes.LE_INT.set(raw, ITEM_BYTES * i + 8, tag);
                min = Math.min(min, item.time());
                max = Math.max(max, item.time());
            }
            int start = Frames.begin(out, Frames.DATA);
            starts.add(start);
            out.putByte(from + perFrame < items.size() ? 1 : 0);
            out.putIntBE(part.size());
            out.putLongBE(min);
            out.putLongBE(max);
            out.putIntBE(raw.length);
            out.putIntBE(0);
            out.ensure(lz4.maxCompressedLength(raw.length));
            int compressed = lz4.compress(raw, 0, raw.length, out.array(), out.position(),
                    out.array().length - out.position());
            out.position(out.position() + compressed);
            Frames.end(out, start);
        }
        starts.add(out.position());
        return batch;
    }
}
