package dev.vigil.logging.store;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.FrameReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The records of one data frame once decompressed, read in place. The layout, for {@code n} records, is columns of
 * fixed width (times as 8 bytes, severity ordinals as 1, resource ids as 4, then the end of each body and of each
 * record's metadata as 4-byte offsets), then the bodies back to back, then the metadata back to back: logger name,
 * severity text, a flag and 16 bytes of trace id, a flag and 8 bytes of span id, the number of attributes and each
 * name and value. Strings are a varint length and UTF-8. A view over a buffer that the reader reuses; not thread-safe.
 */
final class FrameData implements FrameReader.Decoder<FrameInfo, FrameData> {

    private static final Severity[] SEVERITIES = Severity.values();
    private static final HexFormat HEX = HexFormat.of();

    byte[] raw = new byte[0];
    int n;
    long firstSeq;
    private int bodyBase;
    private int metaBase;
    /** The position of the field being read in the metadata, set by the readers below. */
    private int at;
    private int lastLength;

    /** Points this view at the records of {@code frame} in {@code raw}; checks that the offsets stay inside. */
    @Override
    public FrameData decode(FrameInfo frame, byte[] raw) {
        reset(raw, frame.rawLength(), frame.count(), frame.firstSeq());
        return this;
    }

    /** Points this view at {@code n} records in {@code raw}; checks that the offsets stay inside. */
    void reset(byte[] raw, int rawLength, int n, long firstSeq) {
        this.raw = raw;
        this.n = n;
        this.firstSeq = firstSeq;
        this.bodyBase = Format.COLUMNS_PER_RECORD * n;
        int bodies = n == 0 ? 0 : (int) Bytes.LE_INT.get(raw, 13 * n + 4 * (n - 1));
        this.metaBase = bodyBase + bodies;
        int metas = n == 0 ? 0 : (int) Bytes.LE_INT.get(raw, 17 * n + 4 * (n - 1));
        if (bodies < 0 || metas < 0 || (long) metaBase + metas != rawLength) {
            throw new IllegalArgumentException("a data frame's offsets do not add up to its length");
        }
    }

    long time(int i) {
        return (long) Bytes.LE_LONG.get(raw, 8 * i);
    }

    int severity(int i) {
        return raw[8 * n + i];
    }

    int resource(int i) {
        return (int) Bytes.LE_INT.get(raw, 9 * n + 4 * i);
    }

    long seq(int i) {
        return firstSeq + i;
    }

    int bodyStart(int i) {
        return i == 0 ? bodyBase : bodyBase + (int) Bytes.LE_INT.get(raw, 13 * n + 4 * (i - 1));
    }

    int bodyEnd(int i) {
        return bodyBase + (int) Bytes.LE_INT.get(raw, 13 * n + 4 * i);
    }

    /** Where all bodies start and end. */
    int bodiesStart() {
        return bodyBase;
    }

    int bodiesEnd() {
        return metaBase;
    }

    int metaStart(int i) {
        return i == 0 ? metaBase : metaBase + (int) Bytes.LE_INT.get(raw, 17 * n + 4 * (i - 1));
    }

    int metaEnd(int i) {
        return metaBase + (int) Bytes.LE_INT.get(raw, 17 * n + 4 * i);
    }

    String body(int i) {
        int s = bodyStart(i);
        return new String(raw, s, bodyEnd(i) - s, StandardCharsets.UTF_8);
    }

    // --- metadata, read field by field from metaStart(i) ---

    /** Moves to record {@code i}'s metadata; returns where its logger name's bytes start. */
    int seekScope(int i) {
        at = metaStart(i);
        return stringStart();
    }

    /** The length of the string {@link #stringStart} read last. */
    int stringLength() {
        return lastLength;
    }

    /** Reads a string's length at the position; returns where its bytes start and moves past them. */
    int stringStart() {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = raw[at++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
        }
        lastLength = v;
        int start = at;
        at += v;
        return start;
    }

    /** After the logger name: skips the severity text; returns where the trace id's 16 bytes are, or -1. */
    int traceAt() {
        stringStart();
        int flag = raw[at++];
        if (flag == 0) {
            return -1;
        }
        int start = at;
        at += 16;
        return start;
    }

    /** After the trace id: skips the span id; returns the number of attributes. */
    int attributeCount() {
        int flag = raw[at++];
        if (flag != 0) {
            at += 8;
        }
        return readVarint();
    }

    private int readVarint() {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = raw[at++];
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
        }
    }

    /** Whether the bytes {@code b[off, off + len)} equal {@code value}. */
    boolean bytesEqual(int off, int len, byte[] value) {
        if (len != value.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (raw[off + k] != value[k]) {
                return false;
            }
        }
        return true;
    }

    String string(int off, int len) {
        return len == 0 ? "" : new String(raw, off, len, StandardCharsets.UTF_8);
    }

    /** The whole record {@code i}; its resource comes from {@code resources}. */
    LogRecord record(int i, ResourceTable resources) {
        int scopeOff = seekScope(i);
        String scope = string(scopeOff, stringLength());
        int textOff = stringStart();
        String severityText = string(textOff, stringLength());
        String traceId = "";
        if (raw[at++] != 0) {
            traceId = HEX.formatHex(raw, at, at + 16);
            at += 16;
        }
        String spanId = "";
        if (raw[at++] != 0) {
            spanId = HEX.formatHex(raw, at, at + 8);
            at += 8;
        }
        int attributes = readVarint();
        Map<String, String> attrs = attributes == 0 ? Map.of() : new HashMap<>(attributes * 2);
        for (int a = 0; a < attributes; a++) {
            int k = stringStart();
            String key = string(k, stringLength());
            int v = stringStart();
            attrs.put(key, string(v, stringLength()));
        }
        @Nullable Map<String, String> resource = resources.get(resource(i));
        return new LogRecord(time(i), SEVERITIES[severity(i)], severityText, body(i), resource == null ? Map.of() : resource,
                scope, attrs, traceId, spanId);
    }

    /** Calls {@code sink} with the hash of every whole value of every record: trace ids, loggers, attributes. */
    void exactTokens(LongSink sink) {
        for (int i = 0; i < n; i++) {
            int scope = seekScope(i);
            sink.accept(Tokens.scopeHash(raw, scope, stringLength()));
            int trace = traceAt();
            if (trace >= 0) {
                sink.accept(Tokens.traceHash(raw, trace));
            }
            int attributes = attributeCount();
            for (int a = 0; a < attributes; a++) {
                int k = stringStart();
                int kl = stringLength();
                int v = stringStart();
                sink.accept(Tokens.attributeHash(raw, k, kl, v, stringLength()));
            }
        }
    }

    /** Takes hashes. */
    @FunctionalInterface
    interface LongSink {
        void accept(long value);
    }
}
