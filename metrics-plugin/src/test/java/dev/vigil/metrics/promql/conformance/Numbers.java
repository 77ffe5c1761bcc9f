package dev.vigil.metrics.promql.conformance;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as the scripts write them: integers in decimal, hexadecimal ({@code 0x1f}), octal ({@code 017},
 * {@code 0o17}) or binary ({@code 0b101}); decimals with an optional exponent ({@code .5}, {@code 1E+10});
 * and {@code Inf}, {@code Infinity} and {@code NaN} in any case, each with an optional sign. Stateless.
 */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private Numbers() {}

    /** Whether {@code text} is a number. */
    static boolean isNumber(String text) {
        try {
            parse(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The value of {@code text}.
     *
     * @throws NumberFormatException if it is not a number
     */
    static double parse(String text) {
        if (text.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        boolean negative = text.charAt(0) == '-';
        String body = text.charAt(0) == '-' || text.charAt(0) == '+' ? text.substring(1) : text;
        double magnitude = parseUnsigned(body, text);
        return negative ? -magnitude : magnitude;
    }

    private static double parseUnsigned(String body, String text) {
        String lower = body.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                // fall through to the numeric forms
            }
        }
        if (lower.length() > 2 && lower.charAt(0) == '0' && Character.isLetter(lower.charAt(1))) {
            int radix = switch (lower.charAt(1)) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> throw new NumberFormatException("not a number: \"" + text + "\"");
            };
            return integer(lower.substring(2), radix, text);
        }
        if (DIGITS.matcher(lower).matches()) {
            // a leading zero means octal, as in the scripts' original tooling
            return lower.length() > 1 && lower.charAt(0) == '0' && lower.chars().allMatch(c -> c <= '7')
                    ? integer(lower.substring(1), 8, text)
                    : Double.parseDouble(lower);
        }
        if (DECIMAL.matcher(lower).matches()) {
            return Double.parseDouble(lower);
        }
        throw new NumberFormatException("not a number: \"" + text + "\"");
    }

    private static double integer(String digits, int radix, String text) {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number: \"" + text + "\"");
        }
    }
}
