package dev.vigil.logging.loki;

import dev.vigil.logging.logql.Durations;
import dev.vigil.logging.logql.GoStrings;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Reads times and durations as Loki's API reads them. A time is an RFC 3339 date-time with up to nine decimals, a
 * number with a point (seconds, kept to the millisecond, or nanoseconds beyond 10^10), or an integer (seconds up to
 * 10^10, nanoseconds beyond). A step is seconds (with decimals) or a Prometheus duration. Errors carry Go's words,
 * such as {@code strconv.ParseInt: parsing "x": invalid syntax}. Stateless and thread-safe.
 */
public final class LokiTime {

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private LokiTime() {}

    /**
     * A time in nanoseconds since the epoch.
     *
     * @throws IllegalArgumentException with Go's message when {@code text} is none of Loki's forms
     */
    public static long parseTimestamp(String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text, RFC_3339);
            return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000_000L), time.getNano());
        } catch (DateTimeException | ArithmeticException e) {
            // not RFC 3339: a number below
        }
        if (text.contains(".")) {
            if (!FLOAT.matcher(text).matches()) {
                throw new IllegalArgumentException("strconv.ParseFloat: parsing " + quote(text) + ": invalid syntax");
            }
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("floating point timestamp is NaN or Inf");
            }
            double whole = value < 0 ? Math.ceil(value) : Math.floor(value);
            if (whole >= 0x1p63 || whole < -0x1p63) {
                throw new IllegalArgumentException("floating point timestamp exceeds integer range");
            }
            if (whole <= 1e10) {
                double fraction = Math.round((value - whole) * 1000) / 1000.0;
                return (long) whole * 1_000_000_000L + (long) (fraction * 1e9);
            }
            return (long) whole;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("strconv.ParseInt: parsing " + quote(text) + ": invalid syntax");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.ParseInt: parsing " + quote(text) + ": value out of range", e);
        }
        if (value <= 10_000_000_000L) {
            try {
                return Math.multiplyExact(value, 1_000_000_000L);
            } catch (ArithmeticException e) {
                return value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        return value;
    }

    /**
     * A step or interval in nanoseconds: seconds with optional decimals, or a Prometheus duration.
     *
     * @throws IllegalArgumentException {@code cannot parse "x" to a valid duration}
     */
    public static long parseSecondsOrDuration(String text) {
        if (FLOAT.matcher(text).matches()) {
            double nanos = Double.parseDouble(text) * 1e9;
            if (nanos >= 0x1p63 || nanos < -0x1p63) {
                throw new IllegalArgumentException("cannot parse " + quote(text) + " to a valid duration. It overflows int64");
            }
            return (long) nanos;
        }
        try {
            return Durations.parsePrometheus(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse " + quote(text) + " to a valid duration", e);
        }
    }

    static String quote(String text) {
        return GoStrings.quote(text);
    }
}
