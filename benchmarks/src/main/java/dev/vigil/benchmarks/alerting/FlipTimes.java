package dev.vigil.benchmarks.alerting;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each alert the driver caused (see {@link RuleSet#flipKey}) was first seen firing and first seen resolved at
 * one point of its way, in {@link System#nanoTime()}; other alerts are only counted. Thread-safe.
 */
final class FlipTimes {

    private final Map<String, Long> firing = new ConcurrentHashMap<>();
    private final Map<String, Long> resolved = new ConcurrentHashMap<>();

    /** Notes an alert seen at {@code nanos}; a later sighting in the same state keeps the first time. */
    void note(Map<String, String> labels, boolean isFiring, long nanos) {
        String key = RuleSet.flipKey(labels);
        if (key != null) {
            (isFiring ? firing : resolved).putIfAbsent(key, nanos);
        }
    }

    /** When the alert {@code key} was first seen firing, or resolved. */
    OptionalLong first(String key, boolean isFiring) {
        Long nanos = (isFiring ? firing : resolved).get(key);
        return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
    }
}
