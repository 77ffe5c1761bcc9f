package dev.vigil.logging.redact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds ASCII digits in text eight characters at a time. Most log text holds few digits, in short runs (times, ids),
 * so skipping the rest a word at a time is what keeps the card rule cheap; {@code String} offers no intrinsic
 * search for a class of characters, and a loop over {@code charAt} costs several times more.
 */
final class Digits {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long TENS = 0x0A0A0A0A0A0A0A0AL;
    private static final long HIGH = 0x8080808080808080L;

    private Digits() {}

    /**
     * One byte per character of {@code text}, at the same index: the character itself for ISO 8859-1, {@code ?} for
     * others, which are no digits either. For the common Latin-1 string this is a plain copy.
     */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The index of the first digit at or after {@code from}, or -1. */
    static int next(byte[] bytes, int from) {
        int i = from;
        int n = bytes.length;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ ZEROS; // a digit byte becomes 0 to 9
            // a byte below 10 that had no high bit sets its high bit; the lowest such byte is exact
            long found = (x - TENS) & ~x & HIGH;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                return i;
            }
        }
        return -1;
    }

    /** The index after the run of digits starting at {@code from}. */
    static int skip(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i;
    }
}
