package dev.vigil.tracing.store;

import java.util.Locale;

/** Trace and span ids: from the lower-case hex that {@link dev.vigil.api.traces.SpanRecord} checked, to bytes and back. */
final class TraceIds {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private TraceIds() {}

    /** The 64-bit number of the 16 hex digits of {@code id} from {@code from}. */
    static long half(String id, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            char c = id.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }

    /**
     * The trace id {@code text} as 32 lower-case hex digits: it may be in upper case, or have 16 digits (a 64-bit id,
     * whose high half is zero).
     *
     * @throws IllegalArgumentException if it is not a trace id
     */
    static String normalize(String text) {
        String id = text.toLowerCase(Locale.ROOT);
        if (id.length() == 16) {
            id = "0000000000000000" + id;
        }
        if (!isTraceId(id)) {
            throw new IllegalArgumentException("a trace id is 32 (or 16) hex digits, got '" + text + "'");
        }
        return id;
    }

    /** Whether {@code id} is 32 lower-case hex digits. */
    private static boolean isTraceId(String id) {
        if (id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The key of the trace {@code id} (32 hex digits), as blocks index it. */
    static long key(String id) {
        return Hashes.traceKey(half(id, 0), half(id, 16));
    }

    /** The lower-case hex of the {@code bytes} bytes at {@code b[off]}. */
    static String hex(byte[] b, int off, int bytes) {
        char[] out = new char[2 * bytes];
        for (int i = 0; i < bytes; i++) {
            int v = b[off + i] & 0xFF;
            out[2 * i] = DIGITS[v >>> 4];
            out[2 * i + 1] = DIGITS[v & 0xF];
        }
        return new String(out);
    }
}
