package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import java.math.BigDecimal;

/**
 * Numbers, strings and label sets written the way Prometheus writes them in error messages, annotations and
 * label values, so that users (and the conformance scripts) see the same text.
 */
final class PromFormat {

    private PromFormat() {}

    /** A label set as Prometheus prints it in errors: {@code {__name__="up", job="node"}}. */
    static String labels(Labels labels) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(labels.name(i)).append('=').append(quote(labels.value(i)));
        }
        return out.append('}').toString();
    }

    /**
     * A string in double quotes with Go's escapes: backslash, quote and control characters escaped, characters
     * that are not valid text (lone surrogates) written as {@code \x} bytes of their code unit.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A number as Go's {@code %g} writes it: shortest digits, an exponent below 1e-4 or from 1e6 up. */
    static String g(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = Math.abs(exponent) < 10 ? "0" + Math.abs(exponent) : Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + d.abs().toPlainString();
    }

    /** A number as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} writes it: shortest digits, never an exponent. */
    static String plain(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A number as OpenMetrics writes a label value such as a quantile: {@code 0.0}, {@code 0.25}, {@code 1.0}. */
    static String openMetrics(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String s = g(v);
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0) {
            s = s + ".0";
        }
        return s;
    }
}
