package dev.vigil.metrics.promql.conformance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the scripts write them ({@code 5m}, {@code 10s53ms}, {@code 1h30m}, or {@code 0}): whole
 * numbers with the units y, w, d, h, m, s and ms, largest first, each at most once. Stateless.
 */
final class Durations {

    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L,
    };

    private Durations() {}

    /**
     * The duration in milliseconds.
     *
     * @throws IllegalArgumentException if {@code text} is not a duration
     */
    static long parseMillis(String text) {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\"");
        }
        long total = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String part = m.group(i + 1);
            if (part != null) {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(part), UNIT_MILLIS[i]));
            }
        }
        return total;
    }
}
