package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number parsing: {@code ParseInt} and {@code ParseUint} with base prefixes and
 * underscores, and {@code ParseFloat}. Failures are {@link IllegalArgumentException}s whose message is Go's
 * reason ({@code invalid syntax}, {@code value out of range}). Stateless.
 */
final class GoNumbers {

    static final String INVALID_SYNTAX = "invalid syntax";
    static final String OUT_OF_RANGE = "value out of range";

    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?(?:[0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");

    private GoNumbers() {}

    /** {@code strconv.ParseFloat(s, 64)}. */
    static double parseFloat(String s) {
        double special = special(s);
        if (!Double.isNaN(special) || isNaNWord(s)) {
            return special;
        }
        boolean hex = HEX_FLOAT.matcher(s).matches();
        if (!hex && !DECIMAL_FLOAT.matcher(s).matches()) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        if (s.indexOf('_') >= 0 && !underscoreOk(s)) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        String digits = s.replace("_", "");
        if (!hasMantissaDigit(digits, hex)) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        double value = Double.parseDouble(digits);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return value;
    }

    /** The message Go gives when {@code ParseFloat} refuses {@code s}. */
    static String parseFloatError(String s, IllegalArgumentException e) {
        return "strconv.ParseFloat: parsing " + GoText.quote(s) + ": " + e.getMessage();
    }

    private static boolean hasMantissaDigit(String s, boolean hex) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (hex) {
            start += 2;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, hex ? 16 : 10) >= 0) {
                return true;
            }
            if (c != '.') {
                return false;
            }
        }
        return false;
    }

    private static boolean isNaNWord(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /** Go's special float words: [+-]inf, [+-]infinity and nan, in any case; NaN when {@code s} is none. */
    private static double special(String s) {
        if (isNaNWord(s)) {
            return Double.NaN;
        }
        String body = s;
        double sign = 1;
        if (body.startsWith("+") || body.startsWith("-")) {
            sign = body.charAt(0) == '-' ? -1 : 1;
            body = body.substring(1);
        }
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /** {@code strconv.ParseUint(s, 0, 64)}, as a long holding the unsigned bits. */
    static long parseUint(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        String original = s;
        int base = 10;
        if (s.charAt(0) == '0') {
            char x = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (x == 'b') {
                base = 2;
                s = s.substring(2);
            } else if (x == 'o') {
                base = 8;
                s = s.substring(2);
            } else if (x == 'x') {
                base = 16;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
            }
        }
        long n = 0;
        boolean underscores = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d < 0 || d >= base) {
                throw new IllegalArgumentException(INVALID_SYNTAX);
            }
            if (Long.compareUnsigned(n, Long.divideUnsigned(-1L, base)) > 0) {
                throw new IllegalArgumentException(OUT_OF_RANGE);
            }
            long next = n * base + d;
            if (Long.compareUnsigned(next, n * base) < 0) {
                throw new IllegalArgumentException(OUT_OF_RANGE);
            }
            n = next;
        }
        if (underscores && !underscoreOk(original)) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        return n;
    }

    /** {@code strconv.ParseInt(s, 0, 64)}. */
    static long parseInt(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException(INVALID_SYNTAX);
        }
        boolean negative = false;
        String body = s;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            body = s.substring(1);
        }
        long u = parseUint(body);
        if (!negative && Long.compareUnsigned(u, Long.MAX_VALUE) > 0) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        if (negative && Long.compareUnsigned(u, Long.MIN_VALUE) > 0) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return negative ? -u : u;
    }

    /** Go's rule for digit separators: an underscore only between digits, or after a base prefix. */
    static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
