package dev.vigil.metrics.promql.functions;

import java.util.OptionalDouble;

/**
 * Reads the {@code le} label of a classic histogram bucket the way Prometheus does (Go's float syntax):
 * decimal numbers with an optional exponent ({@code 0.1}, {@code .2}, {@code 1e0}, {@code 2.0e-1}), hexadecimal
 * ones with a binary exponent ({@code 0x1p-3}), underscores between digits, and {@code Inf}/{@code Infinity}
 * (with an optional sign) and {@code NaN} in any case. A value out of the double range is malformed, as are
 * blanks, Java's {@code 1d}/{@code 1f} suffixes and an empty label; for those the evaluator reports
 * {@link Messages#badBucketLabel}. Stateless and thread-safe.
 */
public final class BucketLabel {

    /** The label that holds a bucket's upper bound. */
    public static final String NAME = "le";

    private BucketLabel() {}

    /** The upper bound {@code value} denotes, or empty when it is missing or malformed. */
    public static OptionalDouble parse(String value) {
        int length = value.length();
        if (length == 0) {
            return OptionalDouble.empty();
        }
        int start = 0;
        boolean negative = false;
        char first = value.charAt(0);
        if (first == '+' || first == '-') {
            negative = first == '-';
            start = 1;
        }
        String body = value.substring(start);
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (start == 0 && body.equalsIgnoreCase("nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        boolean hex = body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String number = hex ? hexadecimal(body) : decimal(body);
        if (number == null) {
            return OptionalDouble.empty();
        }
        double parsed = Double.parseDouble(number);
        if (Double.isInfinite(parsed)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(negative ? -parsed : parsed);
    }

    /** {@code body} without underscores if it is a well-formed decimal number, else null. */
    private static String decimal(String body) {
        int i = 0;
        int length = body.length();
        int digits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = body.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else if (c != '_') {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < length) {
            char e = body.charAt(i);
            if (e != 'e' && e != 'E' || !exponent(body, i + 1)) {
                return null;
            }
        }
        return underscoresAllowed(body, false) ? body.replace("_", "") : null;
    }

    /** {@code body} as Java reads hexadecimal floats if it is a well-formed one (the p exponent required). */
    private static String hexadecimal(String body) {
        int i = 2;
        int length = body.length();
        int digits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = body.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else if (c != '_') {
                break;
            }
        }
        if (digits == 0 || i == length || (body.charAt(i) != 'p' && body.charAt(i) != 'P') || !exponent(body, i + 1)) {
            return null;
        }
        return underscoresAllowed(body, true) ? body.replace("_", "") : null;
    }

    /** Whether {@code body[from..]} is an optionally signed run of digits (and underscores) with one digit. */
    private static boolean exponent(String body, int from) {
        int i = from;
        if (i < body.length() && (body.charAt(i) == '+' || body.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '_') {
                return false;
            }
        }
        return digits > 0;
    }

    /** Go's rule: an underscore only between two digits, or between the base prefix and a digit. */
    private static boolean underscoresAllowed(String body, boolean hex) {
        if (body.indexOf('_') < 0) {
            return true;
        }
        int i = 0;
        char saw = '^';
        if (hex) {
            i = 2;
            saw = '0';
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean digit = c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0;
            if (digit) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }
}
