package dev.vigil.alerting.rules.file;

import java.time.Duration;

/**
 * Durations written as Prometheus writes them in configuration: a sequence of whole numbers with units from the
 * largest to the smallest, {@code y} (365 days), {@code w}, {@code d}, {@code h}, {@code m}, {@code s} and
 * {@code ms}, such as {@code 1h30m} or {@code 2m59s999ms}, or {@code 0}. Stateless.
 */
public final class PromDuration {

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1};

    private PromDuration() {}

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException with Prometheus's message, such as {@code not a valid duration string: "5x"}
     */
    public static Duration parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        long total = 0;
        int pos = 0;
        int nextUnit = 0;
        while (pos < text.length()) {
            int digitsEnd = pos;
            while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd)) && text.charAt(digitsEnd) < 128) {
                digitsEnd++;
            }
            if (digitsEnd == pos) {
                throw invalid(text);
            }
            int unit = unitAt(text, digitsEnd, nextUnit);
            if (unit < 0) {
                throw invalid(text);
            }
            try {
                long value = Long.parseLong(text, pos, digitsEnd, 10);
                total = Math.addExact(total, Math.multiplyExact(value, MILLIS[unit]));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("duration out of range: \"" + text + "\"", e);
            }
            pos = digitsEnd + UNITS[unit].length();
            nextUnit = unit + 1;
        }
        return Duration.ofMillis(total);
    }

    /** The unit at {@code pos}, no larger than allowed by the units already seen, or -1. */
    private static int unitAt(String text, int pos, int firstAllowed) {
        // "ms" must be tried before "m": the longer unit wins when both fit.
        if (text.startsWith("ms", pos) && firstAllowed <= 6) {
            return 6;
        }
        for (int i = firstAllowed; i < 6; i++) {
            if (text.startsWith(UNITS[i], pos)) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
    }

    /**
     * {@code duration} written as Prometheus prints it: years and weeks only when they divide it exactly, then
     * days, hours, minutes, seconds and milliseconds, such as {@code 1d}, {@code 2m59s999ms}; {@code 0s} for zero.
     * Below a millisecond is dropped.
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (ms < 0) {
            out.append('-');
            ms = -ms;
        }
        for (int i = 0; i < UNITS.length; i++) {
            boolean exactOnly = i < 2;
            if (exactOnly && ms % MILLIS[i] != 0) {
                continue;
            }
            long value = ms / MILLIS[i];
            if (value > 0) {
                out.append(value).append(UNITS[i]);
                ms -= value * MILLIS[i];
            }
        }
        return out.toString();
    }
}
