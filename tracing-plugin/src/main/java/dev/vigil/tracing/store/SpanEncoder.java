package dev.vigil.tracing.store;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.storage.Batch;
import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Definition;
import dev.vigil.storage.LongList;
import dev.vigil.storage.Frames;
import io.airlift.compress.lz4.Lz4Compressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * Turns a batch of spans into data frames ready to append, on the appending thread and outside the store's lock: the
 * layout of {@link FrameSpans}, LZ4-compressed, with header and checksum, plus what the block index needs (the hashes
 * of attribute values). A batch past {@link Format#MAX_FRAME_RAW} raw bytes becomes several frames. An encoder keeps
 * its buffers from batch to batch; {@link Pool} shares a few. Not thread-safe.
 */
final class SpanEncoder {

    /** The frames of the last batch, back to back, and the resources and operations they use. */
    private final Batch<FrameInfo, OpenBlock> batch = new Batch<>(this::index);
    /** The frames of the last batch; the first {@link #frameCount} are valid. */
    private final List<Encoded> encoded = new ArrayList<>();
    private int frameCount;

    private final Dictionary dictionary;
    private final Lz4Compressor lz4 = new Lz4Compressor();
    private final ByteSink rest = new ByteSink(1 << 16);
    private long[] hi = new long[128];
    private long[] lo = new long[128];
    private long[] starts = new long[128];
    private long[] ends = new long[128];
    private int[] ops = new int[128];
    private int[] res = new int[128];
    private int[] restEnds = new int[128];
    private byte[] flags = new byte[128];
    /** The values behind {@link #ops} and {@link #res}: a frame carries them so that its append can define them. */
    private Dictionary.Operation[] opValues = new Dictionary.Operation[128];
    private Map<String, String>[] resValues = mapArray(128);
    private final BiConsumer<String, String> putAttribute = (key, value) -> {
        rest.putString(key);
        rest.putString(value);
    };

    private Map<String, String> lastResourceMap = Map.of();
    private int lastResource = -1;
    private String lastService = "";
    private String lastName = "";
    private SpanKind lastKind = SpanKind.UNSPECIFIED;
    private int lastOperation = -1;
    private Dictionary.Operation lastOperationValue = new Dictionary.Operation("", "", SpanKind.UNSPECIFIED);

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] mapArray(int length) {
        return (Map<String, String>[]) new Map<?, ?>[length];
    }

    SpanEncoder(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** One encoded frame: where it is in {@link #out}, its spans uncompressed, and what its header says. */
    static final class Encoded {
        int start;
        int end;
        final ByteSink raw = new ByteSink(1 << 16);
        int count;
        long minStart;
        long maxStart;
        int errors;
        long minDuration;
        long maxDuration;
        boolean continues;
        int[] operationIds = new int[8];
        int operationCount;
        int[] resourceIds = new int[4];
        int resourceCount;
        /** The definitions of its resources, then of its operations. */
        final List<Definition> resources = new ArrayList<>();
        final List<Definition> operations = new ArrayList<>();
        final LongList attributeHashes = new LongList(256);
        /** The frame's spans as a view, valid until the encoder's next batch. */
        final FrameSpans view = new FrameSpans();

        FrameInfo info(long offset) {
            return new FrameInfo(offset, end - start, count, minStart, maxStart, raw.position(), errors, minDuration,
                    maxDuration, Arrays.copyOf(operationIds, operationCount), Arrays.copyOf(resourceIds, resourceCount),
                    continues);
        }
    }

    /** Encodes {@code spans} (not empty) into frames. */
    void encode(List<SpanRecord> spans) {
        batch.clear(spans.size());
        frameCount = 0;
        int size = spans.size();
        ensureColumns(Math.min(size, 1 << 16));
        rest.clear();
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == hi.length) {
                ensureColumns(n * 2);
            }
            put(n++, spans.get(i));
            if (rest.position() + (long) FrameSpans.COLUMNS * n >= Format.MAX_FRAME_RAW && i < size - 1) {
                finishFrame(n, true);
                rest.clear();
                n = 0;
            }
        }
        finishFrame(n, false);
    }

    /** The last batch, to append. */
    Batch<FrameInfo, OpenBlock> batch() {
        return batch;
    }

    private FrameInfo index(int k, long offset, long sequence, OpenBlock block) {
        Encoded frame = encoded.get(k);
        FrameInfo info = frame.info(offset);
        block.add(info, frame.view, frame.attributeHashes.array(), frame.attributeHashes.size());
        return info;
    }

    private void ensureColumns(int capacity) {
        if (hi.length >= capacity) {
            return;
        }
        hi = Arrays.copyOf(hi, capacity);
        lo = Arrays.copyOf(lo, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        ops = Arrays.copyOf(ops, capacity);
        res = Arrays.copyOf(res, capacity);
        restEnds = Arrays.copyOf(restEnds, capacity);
        flags = Arrays.copyOf(flags, capacity);
        opValues = Arrays.copyOf(opValues, capacity);
        resValues = Arrays.copyOf(resValues, capacity);
    }

    private void put(int i, SpanRecord span) {
        String traceId = span.traceId();
        hi[i] = TraceIds.half(traceId, 0);
        lo[i] = TraceIds.half(traceId, 16);
        starts[i] = span.startNanos();
        ends[i] = span.endNanos();
        ops[i] = operationId(span);
        opValues[i] = lastOperationValue;
        res[i] = resourceId(span.resource());
        resValues[i] = lastResourceMap;
        flags[i] = (byte) (span.status().code().ordinal() | (span.isRoot() ? FrameSpans.ROOT : 0));
        rest.putLongBE(TraceIds.half(span.spanId(), 0));
        if (!span.isRoot()) {
            rest.putLongBE(TraceIds.half(span.parentSpanId(), 0));
        }
        rest.putString(span.status().message());
        rest.putString(span.scope());
        putAttributes(span.attributes());
        List<SpanRecord.Event> events = span.events();
        rest.putVarint(events.size());
        for (SpanRecord.Event e : events) {
            rest.putLongLE(e.timeNanos());
            rest.putString(e.name());
            putAttributes(e.attributes());
        }
        List<SpanRecord.Link> links = span.links();
        rest.putVarint(links.size());
        for (SpanRecord.Link l : links) {
            rest.putString(l.traceId());
            rest.putString(l.spanId());
            putAttributes(l.attributes());
        }
        restEnds[i] = rest.position();
    }

    private void putAttributes(Map<String, String> attributes) {
        rest.putVarint(attributes.size());
        attributes.forEach(putAttribute);
    }

    private int resourceId(Map<String, String> resource) {
        // the spans of a batch usually share one resource map, often the very same object
        if (lastResource < 0 || resource != lastResourceMap && !resource.equals(lastResourceMap)) {
            lastResource = dictionary.resourceId(resource);
            lastResourceMap = resource;
        }
        return lastResource;
    }

    private int operationId(SpanRecord span) {
        String service = span.service();
        if (lastOperation < 0 || span.kind() != lastKind || !span.name().equals(lastName) || !service.equals(lastService)) {
            lastOperationValue = new Dictionary.Operation(service, span.name(), span.kind());
            lastOperation = dictionary.operationId(lastOperationValue);
            lastService = service;
            lastName = span.name();
            lastKind = span.kind();
        }
        return lastOperation;
    }

    private void finishFrame(int n, boolean continues) {
        if (encoded.size() == frameCount) {
            encoded.add(new Encoded());
        }
        Encoded f = encoded.get(frameCount++);
        f.continues = continues;
        f.count = n;
        f.minStart = Long.MAX_VALUE;
        f.maxStart = Long.MIN_VALUE;
        f.minDuration = Long.MAX_VALUE;
        f.maxDuration = Long.MIN_VALUE;
        f.errors = 0;
        f.operationCount = 0;
        f.operations.clear();
        f.resourceCount = 0;
        f.resources.clear();
        f.attributeHashes.clear();

        ByteSink raw = f.raw.clear();
        int restBase = FrameSpans.COLUMNS * n;
        raw.ensure(restBase + rest.position());
        byte[] b = raw.array();
        for (int i = 0; i < n; i++) {
            Bytes.BE_LONG.set(b, 16 * i, hi[i]);
            Bytes.BE_LONG.set(b, 16 * i + 8, lo[i]);
            Bytes.LE_LONG.set(b, 16 * n + 8 * i, starts[i]);
            Bytes.LE_LONG.set(b, 24 * n + 8 * i, ends[i]);
            Bytes.LE_INT.set(b, 32 * n + 4 * i, ops[i]);
            Bytes.LE_INT.set(b, 36 * n + 4 * i, res[i]);
            b[40 * n + i] = flags[i];
            Bytes.LE_INT.set(b, 41 * n + 4 * i, restEnds[i]);
            f.minStart = Math.min(f.minStart, starts[i]);
            f.maxStart = Math.max(f.maxStart, starts[i]);
            long duration = ends[i] - starts[i];
            f.minDuration = Math.min(f.minDuration, duration);
            f.maxDuration = Math.max(f.maxDuration, duration);
            if ((flags[i] & FrameSpans.STATUS_MASK) == SpanStatus.Code.ERROR.ordinal()) {
                f.errors++;
            }
            addOperation(f, ops[i], opValues[i]);
            addResource(f, res[i], resValues[i]);
        }
        System.arraycopy(rest.array(), 0, b, restBase, rest.position());
        raw.position(restBase + rest.position());

        f.view.reset(raw.array(), raw.position(), n);
        f.view.attributeHashes(f.attributeHashes::add);
        f.resources.forEach(batch::define);
        f.operations.forEach(batch::define);

        int header = Format.DATA_FIXED + 4 * (f.operationCount + f.resourceCount);
        ByteSink out = batch.out();
        f.start = out.position();
        out.ensure(Frames.PREFIX + header + lz4.maxCompressedLength(raw.position()));
        int payload = f.start + Frames.PREFIX + header;
        int compressed = lz4.compress(raw.array(), 0, raw.position(), out.array(), payload, out.array().length - payload);
        FrameInfo.writeHeader(out.array(), f.start, continues, n, f.minStart, f.maxStart, raw.position(), f.errors,
                f.minDuration, f.maxDuration, f.operationIds, f.operationCount, f.resourceIds, f.resourceCount);
        f.end = payload + compressed;
        Frames.seal(out.array(), f.start, f.end);
        out.position(f.end);
    }

    private void addOperation(Encoded f, int id, Dictionary.Operation value) {
        for (int k = f.operationCount - 1; k >= 0; k--) {
            if (f.operationIds[k] == id) {
                return;
            }
        }
        if (f.operationCount == f.operationIds.length) {
            f.operationIds = Arrays.copyOf(f.operationIds, f.operationCount * 2);
        }
        f.operationIds[f.operationCount++] = id;
        f.operations.add(dictionary.operationDefinition(id, value));
    }

    private void addResource(Encoded f, int id, Map<String, String> value) {
        for (int k = f.resourceCount - 1; k >= 0; k--) {
            if (f.resourceIds[k] == id) {
                return;
            }
        }
        if (f.resourceCount == f.resourceIds.length) {
            f.resourceIds = Arrays.copyOf(f.resourceIds, f.resourceCount * 2);
        }
        f.resourceIds[f.resourceCount++] = id;
        f.resources.add(dictionary.resourceDefinition(id, value));
    }

    /** The bytes of the buffers this encoder holds. */
    long retained() {
        long bytes = batch.out().array().length + rest.array().length + 41L * hi.length;
        for (Encoded f : encoded) {
            bytes += f.raw.array().length + 8L * f.attributeHashes.capacity();
        }
        return bytes;
    }

    /** A few encoders shared by the appending threads, so buffers are reused without one per thread. */
    static final class Pool {
        private static final int KEEP = 4;
        private static final long KEEP_BYTES = 8L << 20;

        private final Dictionary dictionary;
        private final ConcurrentLinkedQueue<SpanEncoder> idle = new ConcurrentLinkedQueue<>();

        Pool(Dictionary dictionary) {
            this.dictionary = dictionary;
        }

        SpanEncoder take() {
            SpanEncoder e = idle.poll();
            return e != null ? e : new SpanEncoder(dictionary);
        }

        void give(SpanEncoder e) {
            // a batch far larger than usual leaves large buffers behind: let them go
            if (e.retained() <= KEEP_BYTES && idle.size() < KEEP) {
                idle.offer(e);
            }
        }
    }
}
