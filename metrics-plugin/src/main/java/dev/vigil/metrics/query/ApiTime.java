package dev.vigil.metrics.query;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times and durations of Prometheus's API parameters as Prometheus reads them. A time is Unix
 * seconds with optional decimals (kept to the millisecond) or an RFC 3339 date-time; a duration is seconds
 * with optional decimals or a Prometheus duration such as {@code 1h30m}. A value that cannot be read gives an
 * {@link IllegalArgumentException} with Prometheus's message ({@code cannot parse "x" to a valid timestamp}).
 * Stateless and thread-safe.
 */
final class ApiTime {

    /** The earliest time the API deals in, in milliseconds: Prometheus's {@code MinTime}. */
    static final long MIN_TIME = (Long.MIN_VALUE / 1000 + 62_135_596_801L) * 1000;
    /** The latest time the API deals in, in milliseconds: Prometheus's {@code MaxTime}. */
    static final long MAX_TIME = (Long.MAX_VALUE / 1000 - 62_135_596_801L) * 1000 + 999;
    /** How clients write {@link #MIN_TIME}, which has more than four digits of year. */
    static final String MIN_TIME_TEXT = "-292273086-05-16T16:47:06Z";
    /** How clients write {@link #MAX_TIME}. */
    static final String MAX_TIME_TEXT = "292277025-08-18T07:12:54.999999999Z";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern DURATION =
            Pattern.compile("(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
    private static final long[] DURATION_UNIT_MILLIS = {
        365L * 24 * 3_600_000, 7L * 24 * 3_600_000, 24L * 3_600_000, 3_600_000, 60_000, 1000, 1
    };
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final double MAX_SECONDS = 9.2e15;

    private ApiTime() {}

    /**
     * A time in milliseconds since the epoch; decimals of seconds are rounded to the millisecond, and an
     * RFC 3339 time is cut to the millisecond.
     *
     * @throws IllegalArgumentException {@code cannot parse "<text>" to a valid timestamp}
     */
    static long parseTime(String text) {
        if (DECIMAL.matcher(text).matches()) {
            double seconds = Double.parseDouble(text);
            if (Math.abs(seconds) < MAX_SECONDS) {
                double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
                double millis = (seconds - whole) * 1000;
                // Half a millisecond rounds away from zero, as Go's math.Round does.
                return (long) whole * 1000 + (long) Math.copySign(Math.floor(Math.abs(millis) + 0.5), millis);
            }
        } else if (text.equals(MIN_TIME_TEXT)) {
            return MIN_TIME;
        } else if (text.equals(MAX_TIME_TEXT)) {
            return MAX_TIME;
        } else {
            try {
                OffsetDateTime time = OffsetDateTime.parse(text, RFC_3339);
                return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1000L), time.getNano() / 1_000_000);
            } catch (DateTimeException | ArithmeticException e) {
                // not a time: reported below, as for any other text
            }
        }
        throw new IllegalArgumentException("cannot parse \"" + text + "\" to a valid timestamp");
    }

    /**
     * A duration in nanoseconds: seconds with optional decimals (which may be zero or negative), or a
     * Prometheus duration such as {@code 5m} or {@code 1h30m}.
     *
     * @throws IllegalArgumentException {@code cannot parse "<text>" to a valid duration}, with
     *     {@code . It overflows int64} for seconds beyond about 292 years
     */
    static long parseDuration(String text) {
        if (DECIMAL.matcher(text).matches()) {
            double nanos = Double.parseDouble(text) * 1e9;
            if (nanos >= 0x1p63 || nanos < -0x1p63) {
                throw new IllegalArgumentException("cannot parse \"" + text + "\" to a valid duration. It overflows int64");
            }
            return (long) nanos;
        }
        Matcher m = DURATION.matcher(text);
        if (!text.isEmpty() && m.matches()) {
            try {
                long millis = 0;
                for (int unit = 0; unit < DURATION_UNIT_MILLIS.length; unit++) {
                    String count = m.group(unit + 1);
                    if (count != null) {
                        millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), DURATION_UNIT_MILLIS[unit]));
                    }
                }
                return Math.multiplyExact(millis, 1_000_000L);
            } catch (ArithmeticException | NumberFormatException e) {
                // out of range: reported below
            }
        }
        throw new IllegalArgumentException("cannot parse \"" + text + "\" to a valid duration");
    }
}
