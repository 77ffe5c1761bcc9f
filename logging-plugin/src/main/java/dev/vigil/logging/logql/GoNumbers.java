package dev.vigil.logging.logql;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers read and written as Go reads and writes them. Stateless and thread-safe. */
public final class GoNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private GoNumbers() {}

    /**
     * A decimal number, or {@code Inf}, {@code +Inf}, {@code -Inf}, {@code NaN} in any case, as Go's
     * {@code strconv.ParseFloat} reads them.
     *
     * @throws IllegalArgumentException {@code strconv.ParseFloat: parsing "x": invalid syntax}
     */
    static double parseFloat(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoStrings.quote(text) + ": invalid syntax");
        }
    }

    /**
     * A sample value as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} writes it: the shortest decimal that reads
     * back to {@code value}, never with an exponent; {@code NaN}, {@code +Inf}, {@code -Inf}.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }
}
