package dev.vigil.tracing.store;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.FrameReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The spans of one data frame once decompressed, read in place. For {@code n} spans the layout is fixed-width columns
 * (trace ids as 16 big-endian bytes, start and end as 8-byte nanoseconds, operation and resource ids as 4 bytes, a
 * flags byte with the status code and whether the span is a root, and the end of each span's variable part as a
 * 4-byte offset), then the variable parts back to back: span id (8 bytes), parent span id (8 bytes, roots have none),
 * status message, scope, attributes, events (time, name, attributes) and links (trace id, span id, attributes).
 * Strings are a varint length and UTF-8; counts are varints. Searches and summaries read only the columns; the
 * variable part is read for attribute conditions and whole spans. A view over a buffer its owner reuses; not
 * thread-safe.
 */
final class FrameSpans implements FrameReader.Decoder<FrameInfo, FrameSpans> {

    /** Bytes of the fixed columns per span. */
    static final int COLUMNS = 16 + 8 + 8 + 4 + 4 + 1 + 4;
    static final int STATUS_MASK = 3;
    static final int ROOT = 4;

    private static final SpanStatus.Code[] CODES = SpanStatus.Code.values();
    private static final Dictionary.Operation UNKNOWN =
            new Dictionary.Operation(LogRecord.UNKNOWN_SERVICE, "", SpanKind.UNSPECIFIED);

    byte[] raw = new byte[0];
    int n;
    private int restBase;
    /** Where the next field of a variable part is read, moved by the readers below. */
    private int at;

    /**
     * Points this view at the spans of {@code frame} in {@code raw}.
     *
     * @throws IllegalArgumentException if the offsets do not stay inside
     */
    @Override
    public FrameSpans decode(FrameInfo frame, byte[] raw) {
        reset(raw, frame.rawLength(), frame.count());
        return this;
    }

    /**
     * Points this view at {@code n} spans in {@code raw[0, rawLength)}.
     *
     * @throws IllegalArgumentException if the offsets do not stay inside
     */
    void reset(byte[] raw, int rawLength, int n) {
        this.raw = raw;
        this.n = n;
        this.restBase = COLUMNS * n;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) Bytes.LE_INT.get(raw, 41 * n + 4 * i);
            if (end < previous + 8) {
                throw new IllegalArgumentException("a data frame's span offsets go backwards");
            }
            previous = end;
        }
        if ((long) restBase + previous != rawLength) {
            throw new IllegalArgumentException("a data frame's offsets do not add up to its length");
        }
    }

    long traceHi(int i) {
        return (long) Bytes.BE_LONG.get(raw, 16 * i);
    }

    long traceLo(int i) {
        return (long) Bytes.BE_LONG.get(raw, 16 * i + 8);
    }

    long traceKey(int i) {
        return Hashes.traceKey(traceHi(i), traceLo(i));
    }

    long start(int i) {
        return (long) Bytes.LE_LONG.get(raw, 16 * n + 8 * i);
    }

    long end(int i) {
        return (long) Bytes.LE_LONG.get(raw, 24 * n + 8 * i);
    }

    int operation(int i) {
        return (int) Bytes.LE_INT.get(raw, 32 * n + 4 * i);
    }

    int resource(int i) {
        return (int) Bytes.LE_INT.get(raw, 36 * n + 4 * i);
    }

    boolean isError(int i) {
        return (raw[40 * n + i] & STATUS_MASK) == SpanStatus.Code.ERROR.ordinal();
    }

    boolean isRoot(int i) {
        return (raw[40 * n + i] & ROOT) != 0;
    }

    private int restStart(int i) {
        return i == 0 ? restBase : restBase + (int) Bytes.LE_INT.get(raw, 41 * n + 4 * (i - 1));
    }

    /** The span id of span {@code i}, as a number. */
    long spanIdBits(int i) {
        return (long) Bytes.BE_LONG.get(raw, restStart(i));
    }

    /** The trace id of span {@code i}, as hex. */
    String traceId(int i) {
        return TraceIds.hex(raw, 16 * i, 16);
    }

    /** The operation of span {@code i}, as the dictionary has it. */
    static Dictionary.Operation operationOf(Dictionary dictionary, int id) {
        Dictionary.Operation op = dictionary.operation(id);
        return op != null ? op : UNKNOWN;
    }

    /** The whole span {@code i}. */
    SpanRecord span(int i, Dictionary dictionary) {
        Dictionary.Operation op = operationOf(dictionary, operation(i));
        @Nullable Map<String, String> resource = dictionary.resource(resource(i));
        at = restStart(i);
        String spanId = TraceIds.hex(raw, at, 8);
        at += 8;
        String parent = "";
        if (!isRoot(i)) {
            parent = TraceIds.hex(raw, at, 8);
            at += 8;
        }
        String message = string();
        int code = raw[40 * n + i] & STATUS_MASK;
        SpanStatus status = code == 0 && message.isEmpty() ? SpanStatus.UNSET : new SpanStatus(CODES[code], message);
        String scope = string();
        Map<String, String> attributes = attributes();
        int events = varint();
        List<SpanRecord.Event> eventList = events == 0 ? List.of() : new ArrayList<>(events);
        for (int e = 0; e < events; e++) {
            long time = (long) Bytes.LE_LONG.get(raw, at);
            at += 8;
            String name = string();
            eventList.add(new SpanRecord.Event(time, name, attributes()));
        }
        int links = varint();
        List<SpanRecord.Link> linkList = links == 0 ? List.of() : new ArrayList<>(links);
        for (int l = 0; l < links; l++) {
            String trace = string();
            String span = string();
            linkList.add(new SpanRecord.Link(trace, span, attributes()));
        }
        return new SpanRecord(traceId(i), spanId, parent, op.name(), op.kind(), start(i), end(i), status,
                resource == null ? Map.of() : resource, scope, attributes, eventList, linkList);
    }

    /** Moves to the attributes of span {@code i}; returns how many it has. */
    private int seekAttributes(int i) {
        at = restStart(i) + (isRoot(i) ? 8 : 16);
        skipString();
        skipString();
        return varint();
    }

    /** The value of the attribute of span {@code i} whose name is the UTF-8 {@code name}, or null if it has none. */
    @Nullable String attribute(int i, byte[] name) {
        int count = seekAttributes(i);
        for (int a = 0; a < count; a++) {
            int kl = varint();
            int k = at;
            at += kl;
            int vl = varint();
            int v = at;
            at += vl;
            if (kl == name.length && Arrays.equals(raw, k, k + kl, name, 0, kl)) {
                return vl == 0 ? "" : new String(raw, v, vl, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Calls {@code sink} with the hash of every attribute {@code name=value} of every span. */
    void attributeHashes(LongSink sink) {
        for (int i = 0; i < n; i++) {
            int count = seekAttributes(i);
            for (int a = 0; a < count; a++) {
                int kl = varint();
                int k = at;
                at += kl;
                int vl = varint();
                sink.accept(Hashes.attribute(raw, k, kl, at, vl));
                at += vl;
            }
        }
    }

    private Map<String, String> attributes() {
        int count = varint();
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>(count * 2);
        for (int a = 0; a < count; a++) {
            String key = string();
            out.put(key, string());
        }
        return out;
    }

    private String string() {
        int len = varint();
        if (len == 0) {
            return "";
        }
        String s = new String(raw, at, len, StandardCharsets.UTF_8);
        at += len;
        return s;
    }

    private void skipString() {
        int len = varint();
        at += len;
    }

    private int varint() {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = raw[at++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
        }
    }

    /** Takes hashes. */
    @FunctionalInterface
    interface LongSink {
        void accept(long value);
    }
}
