package dev.vigil.metrics.promql.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Numbers and strings written the way Prometheus writes them into messages and labels, so that they read the same
 * here as in Prometheus: {@code %g} (shortest digits that read back to the same double), {@code %f} (six
 * decimals), {@code %q} (a double-quoted, escaped string), the shortest positional form ({@code count_values}
 * labels) and the OpenMetrics form ({@code histogram_quantiles} labels). Stateless and thread-safe.
 */
public final class GoFormat {

    /** Above this many digits before the point, or below 1e-4, {@code %g} switches to an exponent. */
    private static final int EXPONENT_THRESHOLD = 6;

    private GoFormat() {}

    /**
     * {@code v} as Go's {@code %g} writes it: {@code 0.5}, {@code 2}, {@code 1e+06}, {@code 1.5e-05},
     * {@code NaN}, {@code +Inf}, {@code -Inf}.
     */
    public static String g(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal shortest = shortestDecimal(v);
        String digits = shortest.unscaledValue().abs().toString();
        // The value is 0.d1d2... * 10^pointPosition.
        int pointPosition = digits.length() - shortest.scale();
        int exponent = pointPosition - 1;
        StringBuilder out = new StringBuilder(24);
        if (v < 0 || isNegativeZero(v)) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= EXPONENT_THRESHOLD) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
            return out.toString();
        }
        return positional(out, digits, pointPosition);
    }

    /**
     * {@code v} in the fewest digits that read back as {@code v}, never with an exponent, as Prometheus writes the
     * value label of {@code count_values}: {@code 0.1}, {@code 1000000}, {@code 1e-7} as {@code 0.0000001}.
     */
    public static String plain(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal shortest = shortestDecimal(v);
        String digits = shortest.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder(24);
        if (v < 0 || isNegativeZero(v)) {
            out.append('-');
        }
        return positional(out, digits, digits.length() - shortest.scale());
    }

    /**
     * {@code v} as OpenMetrics writes floats, as Prometheus writes the quantile label of
     * {@code histogram_quantiles}: like {@link #g} but with {@code .0} added to whole numbers ({@code 0.0},
     * {@code 0.25}, {@code 1.0}, {@code 1e+06}).
     */
    public static String openMetrics(double v) {
        String text = g(v);
        if (Double.isNaN(v) || Double.isInfinite(v) || text.indexOf('.') >= 0 || text.indexOf('e') >= 0) {
            return text;
        }
        return text + ".0";
    }

    /** {@code v} as Go's {@code %f} writes it: six decimals, rounded, such as {@code 0.000000} or {@code +Inf}. */
    public static String f(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String text = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || isNegativeZero(v);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /** {@code s} as Go's {@code %q} writes it: in double quotes, with quotes, backslashes and controls escaped. */
    public static String q(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> appendPrintable(out, c);
            }
        }
        return out.append('"').toString();
    }

    private static void appendPrintable(StringBuilder out, int c) {
        if (isPrintable(c)) {
            out.appendCodePoint(c);
        } else if (c < 0x80) {
            out.append(String.format("\\x%02x", c));
        } else if (c > 0xFFFF) {
            out.append(String.format("\\U%08x", c));
        } else {
            out.append(String.format("\\u%04x", c));
        }
    }

    /** Letters, marks, numbers, punctuation, symbols and the ASCII space, as Go's {@code unicode.IsPrint}. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static @Nullable String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return isNegativeZero(v) ? "-0" : "0";
        }
        return null;
    }

    /** {@code out} followed by the digits with the decimal point {@code pointPosition} digits in. */
    private static String positional(StringBuilder out, String digits, int pointPosition) {
        if (pointPosition <= 0) {
            out.append("0.");
            for (int i = pointPosition; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (pointPosition >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < pointPosition; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        }
        return out.toString();
    }

    /** The decimal with the fewest significant digits that reads back as {@code v}, the nearest of those. */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static boolean isNegativeZero(double v) {
        return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }
}
