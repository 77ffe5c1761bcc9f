package dev.vigil.alerting.channel;

import java.time.Duration;

/** Small text operations the channels share: cutting to a receiver's limit, one-line snippets, durations. */
public final class Texts {

    /** What ends a text that was cut. */
    public static final String ELLIPSIS = "…";

    private Texts() {}

    /**
     * {@code text} if it has at most {@code max} characters, else its start and {@link #ELLIPSIS}, {@code max}
     * characters in all. A surrogate pair is never split.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public static String truncate(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** {@code text} on one line, runs of white space made one space, cut to {@code max} characters. */
    public static String snippet(String text, int max) {
        return truncate(text.strip().replaceAll("\\s+", " "), max);
    }

    /** {@code duration} as Prometheus writes durations: {@code 250ms}, {@code 10s}, {@code 1m30s}, {@code 2h}. */
    public static String formatDuration(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (duration.isNegative()) {
            out.append('-');
            duration = duration.negated();
        }
        long millis = duration.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            long count = millis / units[i];
            if (count > 0) {
                out.append(count).append(names[i]);
                millis -= count * units[i];
            }
        }
        return out.length() == 0 || out.toString().equals("-") ? "0s" : out.toString();
    }
}
