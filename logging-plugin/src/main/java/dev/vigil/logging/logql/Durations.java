package dev.vigil.logging.logql;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The duration and size notations LogQL and Loki's API read, with their error messages:
 * <ul>
 *   <li>Prometheus durations ({@link #parsePrometheus}): whole numbers with units from {@code y} down to {@code ms},
 *       biggest first, such as {@code 1h30m}; ranges ({@code [5m]}) and {@code since} use them;</li>
 *   <li>Go durations ({@link #parseGo}): decimals with {@code h}, {@code m}, {@code s}, {@code ms}, {@code us},
 *       {@code µs}, {@code ns}, such as {@code 1.5s} or {@code -250ms}; label filters such as
 *       {@code | latency > 250ms} compare them, and LogQL falls back to them where a Prometheus duration does not
 *       parse;</li>
 *   <li>sizes ({@link #parseBytes}): a decimal and a unit such as {@code 10KB} (10,000) or {@code 10KiB} (10,240),
 *       in any case.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Durations {

    private static final String[] PROMETHEUS_UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] PROMETHEUS_NANOS = {
        365L * 24 * 3600 * 1_000_000_000L, 7L * 24 * 3600 * 1_000_000_000L, 24L * 3600 * 1_000_000_000L,
        3600L * 1_000_000_000L, 60L * 1_000_000_000L, 1_000_000_000L, 1_000_000L
    };
    private static final Map<String, Long> GO_UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Map<String, Long> BYTE_UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1000L), Map.entry("kb", 1000L), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1000_000L), Map.entry("mb", 1000_000L), Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1000_000_000L), Map.entry("gb", 1000_000_000L), Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
            Map.entry("t", 1000_000_000_000L), Map.entry("tb", 1000_000_000_000L), Map.entry("ti", 1L << 40),
            Map.entry("tib", 1L << 40), Map.entry("p", 1000_000_000_000_000L), Map.entry("pb", 1000_000_000_000_000L),
            Map.entry("pi", 1L << 50), Map.entry("pib", 1L << 50));

    private Durations() {}

    /**
     * A Prometheus duration in nanoseconds.
     *
     * @throws IllegalArgumentException with Prometheus's message: {@code empty duration string},
     *     {@code not a valid duration string: "x"}, {@code unknown unit "u" in duration "5u"} or
     *     {@code duration out of range}
     */
    public static long parsePrometheus(String text) {
        if (text.equals("0")) {
            return 0;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        while (i < text.length()) {
            int digits = i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits) {
                throw notValid(text);
            }
            long value;
            try {
                value = Long.parseLong(text.substring(digits, i));
            } catch (NumberFormatException e) {
                throw notValid(text);
            }
            int unitStart = i;
            while (i < text.length() && !isDigit(text.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw notValid(text);
            }
            String unit = text.substring(unitStart, i);
            int index = indexOf(unit);
            if (index < 0) {
                throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            if (index <= lastUnit) {
                throw notValid(text);
            }
            lastUnit = index;
            try {
                total = Math.addExact(total, Math.multiplyExact(value, PROMETHEUS_NANOS[index]));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration out of range", e);
            }
        }
        return total;
    }

    /**
     * A Go duration in nanoseconds.
     *
     * @throws IllegalArgumentException with Go's message, such as {@code time: invalid duration "x"}
     */
    static long parseGo(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration " + GoStrings.quote(text));
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw new IllegalArgumentException("time: invalid duration " + GoStrings.quote(text));
            }
            int unitStart = i;
            while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoStrings.quote(text));
            }
            Long nanos = GO_UNITS.get(unit);
            if (nanos == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoStrings.quote(unit) + " in duration "
                        + GoStrings.quote(text));
            }
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number).multiply(BigDecimal.valueOf(nanos)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("time: invalid duration " + GoStrings.quote(text));
        }
        long value = total.longValue();
        return negative ? -value : value;
    }

    /** A LogQL duration: a Prometheus one, else a Go one; empty when it is neither. */
    static OptionalLong parseLogql(String text) {
        try {
            return OptionalLong.of(parsePrometheus(text));
        } catch (IllegalArgumentException e) {
            try {
                return OptionalLong.of(parseGo(text));
            } catch (IllegalArgumentException again) {
                return OptionalLong.empty();
            }
        }
    }

    /**
     * A size in bytes, such as {@code 10KB}, {@code 1.5MiB} or {@code 42}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    static long parseBytes(String text) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        String number = s.substring(0, i);
        Long unit = BYTE_UNITS.get(s.substring(i).strip().toLowerCase(Locale.ROOT));
        if (number.isEmpty() || number.equals(".") || unit == null) {
            throw new IllegalArgumentException("unhandled size name: " + s.substring(i));
        }
        try {
            BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
            if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException("too large: " + text);
            }
            return value.longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size: " + text, e);
        }
    }

    /** The shortest Prometheus notation of a duration, such as {@code 1h30m} or {@code 250ms}. */
    static String formatPrometheus(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long left = nanos;
        if (left < 0) {
            out.append('-');
            left = -left;
        }
        if (left % 1_000_000 != 0) {
            return out.append(formatGo(left)).toString();
        }
        for (int i = 0; i < PROMETHEUS_UNITS.length; i++) {
            long count = left / PROMETHEUS_NANOS[i];
            if (count > 0) {
                out.append(count).append(PROMETHEUS_UNITS[i]);
                left -= count * PROMETHEUS_NANOS[i];
            }
        }
        return out.toString();
    }

    /** Go's notation of a duration under a millisecond or with a fraction of one, such as {@code 1.5µs}. */
    private static String formatGo(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString() + "µs";
        }
        if (nanos < 1_000_000_000) {
            return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
        }
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }

    private static int indexOf(String unit) {
        for (int i = 0; i < PROMETHEUS_UNITS.length; i++) {
            if (PROMETHEUS_UNITS[i].equals(unit)) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException notValid(String text) {
        return new IllegalArgumentException("not a valid duration string: " + GoStrings.quote(text));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
