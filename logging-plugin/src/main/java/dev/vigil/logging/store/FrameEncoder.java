package dev.vigil.logging.store;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.storage.Batch;
import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.LongList;
import dev.vigil.storage.Frames;
import io.airlift.compress.lz4.Lz4Compressor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * Turns a batch of records into data frames ready to append, on the appending thread and outside the store's lock:
 * the columns of {@link FrameData}, LZ4-compressed, with their header and checksum, and the hashes of their whole
 * values for the block's Bloom filter. A batch larger than {@link Format#MAX_FRAME_RAW} becomes several frames. An
 * encoder keeps its buffers between batches; {@link Pool} shares a few. Not thread-safe.
 */
final class FrameEncoder {

    /** The frames of the last batch, back to back, and the resources they use. */
    private final Batch<FrameInfo, OpenBlock> batch = new Batch<>(this::index);
    /** The frames of the last batch; the first {@link #frameCount} are valid. */
    private final List<Encoded> encoded = new ArrayList<>();
    private int frameCount;

    private final ResourceTable resources;
    private final Lz4Compressor lz4 = new Lz4Compressor();
    private final ByteSink meta = new ByteSink(1 << 14);
    private final FrameData view = new FrameData();
    private final byte[] idBytes = new byte[16];
    private final LastResource lastResource = new LastResource();
    private final BiConsumer<String, String> putAttribute = (key, value) -> {
        meta.putString(key);
        meta.putString(value);
    };

    FrameEncoder(ResourceTable resources) {
        this.resources = resources;
    }

    /** One encoded frame: where it is in the batch, its records uncompressed, and what its header says. */
    static final class Encoded {
        int start;
        int end;
        ByteSink raw = new ByteSink(1 << 16);
        int count;
        /** Where the bodies end in {@link #raw}; they start after the fixed columns. */
        int bodiesEnd;
        long minTime;
        long maxTime;
        final int[] severityCounts = new int[Format.SEVERITIES];
        int[] resourceIds = new int[4];
        int resourceCount;
        boolean continues;
        final LongList exact = new LongList(256);

        FrameInfo info(long offset, long firstSeq) {
            return new FrameInfo(offset, end - start, firstSeq, count, minTime, maxTime, raw.position(),
                    severityCounts.clone(), Arrays.copyOf(resourceIds, resourceCount), continues);
        }
    }

    /** Encodes {@code records} (not empty) into frames. */
    void encode(List<LogRecord> records) {
        batch.clear(records.size());
        frameCount = 0;
        int start = 0;
        long estimate = 0;
        int size = records.size();
        for (int i = 0; i < size; i++) {
            LogRecord r = records.get(i);
            long bytes = Format.COLUMNS_PER_RECORD + r.body().length() + r.scope().length() + 48L + 32L * r.attributes().size();
            if (i > start && estimate + bytes > Format.MAX_FRAME_RAW) {
                encodeFrame(records, start, i, true);
                start = i;
                estimate = 0;
            }
            estimate += bytes;
        }
        encodeFrame(records, start, size, false);
    }

    /** The last batch, to append. */
    Batch<FrameInfo, OpenBlock> batch() {
        return batch;
    }

    private FrameInfo index(int k, long offset, long sequence, OpenBlock block) {
        Encoded frame = encoded.get(k);
        FrameInfo info = frame.info(offset, sequence);
        block.add(info, frame.raw.array(), Format.COLUMNS_PER_RECORD * frame.count, frame.bodiesEnd, frame.exact.array(),
                frame.exact.size());
        return info;
    }

    private void encodeFrame(List<LogRecord> records, int from, int to, boolean continues) {
        if (encoded.size() == frameCount) {
            encoded.add(new Encoded());
        }
        Encoded f = encoded.get(frameCount++);
        f.continues = continues;
        int n = to - from;
        f.count = n;
        f.minTime = Long.MAX_VALUE;
        f.maxTime = Long.MIN_VALUE;
        Arrays.fill(f.severityCounts, 0);
        f.resourceCount = 0;
        f.exact.clear();

        ByteSink raw = f.raw.clear();
        int bodyBase = Format.COLUMNS_PER_RECORD * n;
        raw.ensure(bodyBase);
        raw.position(bodyBase);
        meta.clear();
        byte[] b = raw.array();
        for (int i = 0; i < n; i++) {
            LogRecord r = records.get(from + i);
            long t = r.timeNanos();
            f.minTime = Math.min(f.minTime, t);
            f.maxTime = Math.max(f.maxTime, t);
            int severity = r.severity().ordinal();
            f.severityCounts[severity]++;
            Map<String, String> resource = r.resource();
            boolean same = lastResource.isSame(resource);
            if (!same) {
                lastResource.set(resource, resources.idOf(resource));
            }
            if (!same || i == 0) {
                addResource(f, lastResource.id, resource);
            }
            String body = r.body();
            if (!body.isEmpty()) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                raw.putBytes(bytes, 0, bytes.length);
            }
            b = raw.array();
            Bytes.LE_LONG.set(b, 8 * i, t);
            b[8 * n + i] = (byte) severity;
            Bytes.LE_INT.set(b, 9 * n + 4 * i, lastResource.id);
            Bytes.LE_INT.set(b, 13 * n + 4 * i, raw.position() - bodyBase);
            writeMeta(r);
            Bytes.LE_INT.set(b, 17 * n + 4 * i, meta.position());
        }
        f.bodiesEnd = raw.position();
        raw.putBytes(meta.array(), 0, meta.position());

        view.reset(raw.array(), raw.position(), n, 0);
        view.exactTokens(f.exact::add);

        int header = Format.DATA_FIXED + 4 * f.resourceCount;
        ByteSink out = batch.out();
        f.start = out.position();
        out.ensure(Frames.PREFIX + header + lz4.maxCompressedLength(raw.position()));
        int payload = f.start + Frames.PREFIX + header;
        int compressed = lz4.compress(raw.array(), 0, raw.position(), out.array(), payload, out.array().length - payload);
        byte[] o = out.array();
        int p = f.start + Frames.PREFIX;
        o[p] = Frames.DATA;
        o[p + 1] = (byte) (continues ? Format.FLAG_CONTINUES : 0);
        Bytes.BE_INT.set(o, p + 2, n);
        Bytes.BE_LONG.set(o, p + 6, f.minTime);
        Bytes.BE_LONG.set(o, p + 14, f.maxTime);
        Bytes.BE_INT.set(o, p + 22, raw.position());
        for (int s = 0; s < Format.SEVERITIES; s++) {
            Bytes.BE_INT.set(o, p + 26 + 4 * s, f.severityCounts[s]);
        }
        Bytes.BE_INT.set(o, p + 50, f.resourceCount);
        for (int r = 0; r < f.resourceCount; r++) {
            Bytes.BE_INT.set(o, p + 54 + 4 * r, f.resourceIds[r]);
        }
        f.end = payload + compressed;
        Frames.seal(o, f.start, f.end);
        out.position(f.end);
    }

    /**
     * The resource of the record before, as arrays, to tell cheaply whether the next record has the same one: the
     * records of a batch usually share the very same strings, and {@link Map#forEach} walks a sorted map without
     * the entry wrappers its entry set makes.
     */
    private static final class LastResource implements BiConsumer<String, String> {
        Map<String, String> map = Map.of();
        int id = -1;
        private String[] keys = new String[8];
        private String[] values = new String[8];
        private int size;
        private int at;
        private boolean same;

        boolean isSame(Map<String, String> resource) {
            if (id < 0 || resource.size() != size) {
                return false;
            }
            if (resource == map) {
                return true;
            }
            at = 0;
            same = true;
            resource.forEach(this);
            return same;
        }

        @Override
        public void accept(String key, String value) {
            if (same) {
                same = at < size && equal(keys[at], key) && equal(values[at], value);
                at++;
            }
        }

        private static boolean equal(String a, String b) {
            return a == b || a.equals(b);
        }

        void set(Map<String, String> resource, int resourceId) {
            map = resource;
            id = resourceId;
            size = resource.size();
            if (keys.length < size) {
                keys = new String[size];
                values = new String[size];
            }
            at = 0;
            resource.forEach((k, v) -> {
                keys[at] = k;
                values[at++] = v;
            });
        }
    }

    private void addResource(Encoded f, int id, Map<String, String> resource) {
        for (int k = 0; k < f.resourceCount; k++) {
            if (f.resourceIds[k] == id) {
                return;
            }
        }
        if (f.resourceCount == f.resourceIds.length) {
            f.resourceIds = Arrays.copyOf(f.resourceIds, f.resourceCount * 2);
        }
        f.resourceIds[f.resourceCount++] = id;
        batch.define(resources.definition(id, resource));
    }

    private void writeMeta(LogRecord r) {
        meta.putString(r.scope());
        meta.putString(r.severityText());
        putId(r.traceId(), 16);
        putId(r.spanId(), 8);
        Map<String, String> attributes = r.attributes();
        meta.putVarint(attributes.size());
        attributes.forEach(putAttribute);
    }

    private void putId(String id, int bytes) {
        if (id.isEmpty()) {
            meta.putByte(0);
            return;
        }
        meta.putByte(1);
        // the record checked the digits: lower-case hex, two per byte
        for (int k = 0; k < bytes; k++) {
            idBytes[k] = (byte) (digit(id.charAt(2 * k)) << 4 | digit(id.charAt(2 * k + 1)));
        }
        meta.putBytes(idBytes, 0, bytes);
    }

    private static int digit(char c) {
        return c <= '9' ? c - '0' : c - 'a' + 10;
    }

    /** The bytes of the buffers this encoder holds. */
    long retained() {
        long bytes = batch.out().array().length + meta.array().length;
        for (Encoded f : encoded) {
            bytes += f.raw.array().length + 8L * f.exact.capacity();
        }
        return bytes;
    }

    /** A few encoders shared by the appending threads, so that buffers are reused without one per thread. */
    static final class Pool {
        private static final int KEEP = 4;
        private static final long KEEP_BYTES = 8L << 20;

        private final ResourceTable resources;
        private final ConcurrentLinkedQueue<FrameEncoder> idle = new ConcurrentLinkedQueue<>();

        Pool(ResourceTable resources) {
            this.resources = resources;
        }

        FrameEncoder take() {
            FrameEncoder e = idle.poll();
            return e != null ? e : new FrameEncoder(resources);
        }

        void give(FrameEncoder e) {
            // a batch far larger than usual leaves large buffers behind: let them go rather than keep them
            if (e.retained() <= KEEP_BYTES && idle.size() < KEEP) {
                idle.offer(e);
            }
        }
    }
}
