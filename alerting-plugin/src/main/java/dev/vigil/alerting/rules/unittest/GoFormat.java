package dev.vigil.alerting.rules.unittest;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.api.metrics.Labels;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Prints values the way promtool prints them in its failure messages, so that diffs read the same. */
final class GoFormat {

    private GoFormat() {}

    /** Labels as Prometheus prints them: {@code {__name__="up", job="api"}}, the metric name as a label. */
    static String labels(Labels labels) {
        return labels(labels.asMap());
    }

    /** A label map, sorted by name, printed as {@link #labels(Labels)}. */
    static String labels(Map<String, String> labels) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            String name = label.getKey();
            out.append(isLegacyName(name) ? name : GoText.quote(name)).append('=').append(GoText.quote(label.getValue()));
        }
        return out.append('}').toString();
    }

    private static boolean isLegacyName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A float in Go's {@code %E} form with the fewest digits that read back the same: {@code 1E+00},
     * {@code 9.21888E+09}, {@code +Inf}, {@code NaN}.
     */
    static String scientific(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0E+00";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder out = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('E').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    /** A duration as Go prints a {@code time.Duration}: {@code 0s}, {@code 1m0s}, {@code 2h0m0s}, {@code 1.5s}, {@code 500ms}. */
    static String goDuration(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.toString();
        }
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (nanos < 0) {
            out.append('-');
            nanos = -nanos;
        }
        if (nanos < 1_000_000_000L) {
            if (nanos < 1_000) {
                return out.append(nanos).append("ns").toString();
            }
            if (nanos < 1_000_000) {
                return out.append(fraction(nanos, 1_000)).append("µs").toString();
            }
            return out.append(fraction(nanos, 1_000_000)).append("ms").toString();
        }
        long hours = nanos / 3_600_000_000_000L;
        long rest = nanos % 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        long secondsNanos = rest % 60_000_000_000L;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(fraction(secondsNanos, 1_000_000_000L)).append('s').toString();
    }

    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long part = value % unit;
        if (part == 0) {
            return Long.toString(whole);
        }
        String digits = String.format("%0" + (Long.toString(unit).length() - 1) + "d", part).replaceAll("0+$", "");
        return whole + "." + digits;
    }
}
