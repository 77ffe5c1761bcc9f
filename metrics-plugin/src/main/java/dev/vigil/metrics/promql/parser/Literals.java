package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.text.GoStrings;

/**
 * The values of number and duration tokens, read as Prometheus reads them (Go's {@code strconv} rules for
 * numbers, Prometheus's duration syntax), and the conversions between seconds and milliseconds that
 * Prometheus makes on its way from the text to the evaluation.
 */
final class Literals {

    /** The longest duration in seconds: Go's {@code time.Duration} counts nanoseconds in an int64. */
    static final double MAX_DURATION_SECONDS = 9223372036.854775808;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Literals() {}

    /**
     * The value of a number token: an integer in decimal, octal ({@code 0755}) or hexadecimal, else a
     * floating-point number, {@code Inf} or {@code NaN}.
     *
     * @throws IllegalArgumentException with Go's wording if the token is not a number Go can read
     */
    static double number(String s) {
        char first = s.charAt(0);
        if (first == 'i' || first == 'I') {
            return Double.POSITIVE_INFINITY;
        }
        if (first == 'n' || first == 'N') {
            return Double.NaN;
        }
        boolean hex = s.length() > 1 && first == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
        if (!underscoresOk(s, hex)) {
            throw syntaxError(s);
        }
        String digits = s.indexOf('_') < 0 ? s : s.replace("_", "");
        if (hex) {
            return hexInteger(s, digits);
        }
        if (isInteger(digits)) {
            boolean octal = digits.length() > 1 && digits.charAt(0) == '0';
            long value = parseInteger(digits, octal ? 8 : 10);
            if (value >= 0) {
                return value;
            }
        }
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw syntaxError(s);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": value out of range");
        }
        return value;
    }

    /**
     * The length of a duration token such as {@code 1h30m}, in nanoseconds.
     *
     * @throws IllegalArgumentException with Prometheus's wording if the units are unknown, out of order or
     *     the duration is too long
     */
    static long durationNanos(String s) {
        if (s.equals("0")) {
            return 0;
        }
        long total = 0;
        int lastUnit = 0;
        int i = 0;
        while (i < s.length()) {
            int digitsStart = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digitsStart) {
                throw invalidDuration(s);
            }
            long value;
            try {
                value = Long.parseUnsignedLong(s, digitsStart, i, 10);
            } catch (NumberFormatException e) {
                throw invalidDuration(s);
            }
            int unitStart = i;
            while (i < s.length() && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw invalidDuration(s);
            }
            String unit = s.substring(unitStart, i);
            int order = unitOrder(unit);
            if (order == 0) {
                throw new IllegalArgumentException(
                        "unknown unit " + GoStrings.quote(unit) + " in duration " + GoStrings.quote(s));
            }
            if (order <= lastUnit) {
                throw invalidDuration(s);
            }
            lastUnit = order;
            long multiplier = unitNanos(order);
            if (Long.compareUnsigned(value, Long.divideUnsigned(Long.MIN_VALUE, multiplier)) > 0) {
                throw new IllegalArgumentException("duration out of range");
            }
            total += value * multiplier;
            if (total < 0) {
                throw new IllegalArgumentException("duration out of range");
            }
        }
        return total;
    }

    /** Nanoseconds as seconds, the way Go's {@code Duration.Seconds} computes them. */
    static double nanosToSeconds(long nanos) {
        return (double) (nanos / NANOS_PER_SECOND) + (double) (nanos % NANOS_PER_SECOND) / 1e9;
    }

    /**
     * Seconds as whole milliseconds: rounded to the nanosecond as Prometheus stores a duration, then cut to
     * the millisecond as its engine uses one.
     */
    static long secondsToMillis(double seconds) {
        return (long) roundHalfAwayFromZero(seconds * 1e9) / NANOS_PER_MILLI;
    }

    /** A timestamp in seconds as milliseconds, rounded as Prometheus rounds the {@code @} modifier. */
    static long timestampMillis(double seconds) {
        return (long) roundHalfAwayFromZero(seconds * 1000);
    }

    /** Go's {@code math.Round}: halves go away from zero. */
    static double roundHalfAwayFromZero(double x) {
        double magnitude = Math.abs(x);
        if (!(magnitude < 0x1p52)) {
            return x; // already whole, infinite or NaN
        }
        double whole = Math.floor(magnitude);
        if (magnitude - whole >= 0.5) {
            whole += 1;
        }
        return Math.copySign(whole, x);
    }

    private static double hexInteger(String s, String digits) {
        if (digits.length() == 2) {
            throw syntaxError(s);
        }
        long value = 0;
        for (int i = 2; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            // A hexadecimal number too large for an int64 is then read as a float, which needs a 'p' exponent.
            if (d < 0 || value > (Long.MAX_VALUE - d) / 16) {
                throw syntaxError(s);
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** The value of the digits in {@code radix}, or -1 if they do not fit an int64 or are not all digits of it. */
    private static long parseInteger(String digits, int radix) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d >= radix || value > (Long.MAX_VALUE - d) / radix) {
                return -1;
            }
            value = value * radix + d;
        }
        return value;
    }

    private static boolean isInteger(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Go's rule for underscores in number literals: each one sits between two digits (or after a base prefix). */
    private static boolean underscoresOk(String s, boolean hex) {
        if (s.indexOf('_') < 0) {
            return true;
        }
        char saw = '^';
        int i = 0;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c) || (hex && Character.digit(c, 16) >= 0)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else if (saw == '_') {
                return false;
            } else {
                saw = '!';
            }
        }
        return saw != '_';
    }

    private static int unitOrder(String unit) {
        return switch (unit) {
            case "y" -> 1;
            case "w" -> 2;
            case "d" -> 3;
            case "h" -> 4;
            case "m" -> 5;
            case "s" -> 6;
            case "ms" -> 7;
            default -> 0;
        };
    }

    private static long unitNanos(int order) {
        return switch (order) {
            case 1 -> 365 * 24 * 3600 * NANOS_PER_SECOND;
            case 2 -> 7 * 24 * 3600 * NANOS_PER_SECOND;
            case 3 -> 24 * 3600 * NANOS_PER_SECOND;
            case 4 -> 3600 * NANOS_PER_SECOND;
            case 5 -> 60 * NANOS_PER_SECOND;
            case 6 -> NANOS_PER_SECOND;
            default -> NANOS_PER_MILLI;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException syntaxError(String s) {
        return new IllegalArgumentException("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": invalid syntax");
    }

    private static IllegalArgumentException invalidDuration(String s) {
        return new IllegalArgumentException("not a valid duration string: " + GoStrings.quote(s));
    }
}
