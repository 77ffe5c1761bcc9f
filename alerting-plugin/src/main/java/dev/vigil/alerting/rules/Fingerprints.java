package dev.vigil.alerting.rules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's fingerprint of a label set: FNV-1a (64 bit) over the labels sorted by name, each name and value
 * followed by the byte {@code 0xff}, printed as 16 hex digits. Receivers that speak Alertmanager's API see the
 * same fingerprints as from Prometheus.
 */
final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprints() {}

    static String of(Map<String, String> labels) {
        long hash = OFFSET;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey());
            hash = addByte(hash, 0xff);
            hash = add(hash, label.getValue());
            hash = addByte(hash, 0xff);
        }
        return String.format("%016x", hash);
    }

    /** A stable 64-bit hash of a text, for spreading group evaluations over their interval. */
    static long hash(String text) {
        return add(OFFSET, text);
    }

    private static long add(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = addByte(hash, b & 0xff);
        }
        return hash;
    }

    private static long addByte(long hash, int b) {
        return (hash ^ b) * PRIME;
    }
}
