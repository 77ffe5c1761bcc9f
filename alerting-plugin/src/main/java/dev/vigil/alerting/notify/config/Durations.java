package dev.vigil.alerting.notify.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Prometheus's syntax: units {@code y w d h m s ms}, largest first, each at most once, such as
 * {@code 30s}, {@code 1h30m} or {@code 0}. A year is 365 days and a week 7 days. Thread-safe.
 */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 86_400_000L, 7L * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s", "ms"};

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not a duration in Prometheus's syntax
     */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String digits = m.group(i + 1);
            if (digits != null) {
                try {
                    millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS[i]));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException("duration out of range: \"" + text + "\"", e);
                }
            }
        }
        return Duration.ofMillis(millis);
    }

    /** {@code duration} in Prometheus's syntax, such as {@code 1h30m}; {@code 0s} for zero. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            long n = millis / UNIT_MILLIS[i];
            if (n > 0) {
                out.append(n).append(UNIT_NAMES[i]);
                millis -= n * UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
