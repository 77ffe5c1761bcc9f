package dev.vigil.alerting.notify.store;

import dev.vigil.api.metrics.Labels;
import java.nio.charset.StandardCharsets;

/**
 * Alert fingerprints: a 64-bit FNV-1a hash over the label names and values in name order, each followed by the
 * byte {@code 0xff}, as Alertmanager computes them, so that the same alert has the same fingerprint in both.
 * Printed as 16 hexadecimal digits. Thread-safe.
 */
public final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0xff;

    private Fingerprints() {}

    /** The fingerprint of {@code labels}. */
    public static long of(Labels labels) {
        long hash = OFFSET;
        for (int i = 0; i < labels.size(); i++) {
            hash = add(hash, labels.name(i));
            hash = add(hash, labels.value(i));
        }
        return hash;
    }

    /** {@code fingerprint} as 16 hexadecimal digits. */
    public static String hex(long fingerprint) {
        String digits = Long.toHexString(fingerprint);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /**
     * Reads a fingerprint printed by {@link #hex}.
     *
     * @throws IllegalArgumentException if {@code hex} is not 1 to 16 hexadecimal digits
     */
    public static long parse(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw new IllegalArgumentException("not a fingerprint: \"" + hex + "\"");
        }
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a fingerprint: \"" + hex + "\"", e);
        }
    }

    private static long add(long hash, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        hash ^= SEPARATOR;
        return hash * PRIME;
    }
}
