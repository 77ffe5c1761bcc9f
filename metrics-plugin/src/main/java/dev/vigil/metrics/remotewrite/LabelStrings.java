package dev.vigil.metrics.remotewrite;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each label name and value that new series bring, so that the many series sharing a name
 * or value (every series has {@code __name__}, most share a job or an instance) keep one string for it
 * rather than one each. Bounded: once full it starts over. Thread-safe.
 */
final class LabelStrings {

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** A pool of at most {@code maxEntries} strings. */
    LabelStrings(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The pooled string equal to {@code s}; {@code s} itself when it is new. */
    String intern(String s) {
        String pooled = strings.get(s);
        if (pooled != null) {
            return pooled;
        }
        if (strings.size() >= maxEntries) {
            // values unique to one series pass through; starting over keeps the shared ones coming back
            strings.clear();
        }
        pooled = strings.putIfAbsent(s, s);
        return pooled != null ? pooled : s;
    }
}
