package dev.vigil.alerting.api;

import java.math.BigDecimal;

/**
 * Sample values as Prometheus's rules and alerts APIs write them: Go's {@code strconv.FormatFloat(v, 'e', -1, 64)},
 * the shortest digits that read back to the same value in exponent form, such as {@code 1e+00}, {@code 2.5e-01} or
 * {@code 1.2345e+02}; {@code NaN}, {@code +Inf} and {@code -Inf} for the special values.
 */
final class PromFloats {

    private PromFloats() {}

    static String exponent(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        StringBuilder out = new StringBuilder();
        if (value < 0 || value == 0 && 1 / value < 0) {
            out.append('-');
        }
        double abs = Math.abs(value);
        if (abs == 0) {
            return out.append("0e+00").toString();
        }
        BigDecimal decimal = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
