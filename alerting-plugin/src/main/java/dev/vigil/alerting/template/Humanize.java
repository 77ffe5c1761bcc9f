package dev.vigil.alerting.template;

import dev.vigil.alerting.template.GoValue.GoDuration;
import org.jspecify.annotations.Nullable;

/**
 * Prometheus's number formatting functions ({@code humanize}, {@code humanize1024}, {@code humanizeDuration},
 * {@code humanizePercentage}, {@code humanizeTimestamp}) and the conversions they share, with Prometheus's output
 * to the character: {@code 1.235M}, {@code 1Mi}, {@code 1d 2h 3m 4s}, {@code 12.35%}. Stateless.
 */
final class Humanize {

    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    private Humanize() {}

    /**
     * Prometheus's {@code ConvertToFloat}: a float, an int, a duration (in seconds) or a string that parses as one.
     *
     * @throws FunctionException for anything else, as {@code can't convert bool to float}
     */
    static double toFloat(@Nullable Object value) throws FunctionException {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return GoNumbers.parseFloat(s);
            } catch (IllegalArgumentException e) {
                throw new FunctionException(GoNumbers.parseFloatError(s, e));
            }
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof GoDuration d) {
            return seconds(d.nanos());
        }
        throw new FunctionException("can't convert " + GoValues.typeName(value) + " to float");
    }

    /** {@code time.Duration.Seconds}. */
    static double seconds(long nanos) {
        return (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFmt.g4(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return GoFmt.g4(v) + prefix;
        }
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoFmt.g4(v) + prefix;
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFmt.g4(v);
        }
        String prefix = "";
        for (String p : BINARY) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return GoFmt.g4(v) + prefix;
    }

    static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFmt.g4(v);
        }
        if (v == 0) {
            return GoFmt.g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = "";
            if (v < 0) {
                sign = "-";
                v = -v;
            }
            long duration = (long) v;
            long seconds = duration % 60;
            long minutes = (duration / 60) % 60;
            long hours = (duration / 60 / 60) % 24;
            long days = duration / 60 / 60 / 24;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + GoFmt.g4(v) + "s";
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoFmt.g4(v) + prefix + "s";
    }

    static String humanizePercentage(double v) {
        return GoFmt.g4(v * 100) + "%";
    }

    static String humanizeTimestamp(double v) throws FunctionException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFmt.g4(v);
        }
        return GoTimes.timeString(toEpochMillis(v));
    }

    /**
     * Seconds since the epoch to milliseconds, truncated as Prometheus's {@code model.TimeFromUnixNano} does.
     *
     * @throws FunctionException for NaN, infinities and times that do not fit in nanoseconds
     */
    static long toEpochMillis(double v) throws FunctionException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new FunctionException("value is NaN or Inf");
        }
        double nanos = v * 1e9;
        if (nanos > 0x1p63 || nanos < -0x1p63) {
            throw new FunctionException(GoFmt.floatString(v)
                    + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        return (long) nanos / 1_000_000L;
    }
}
