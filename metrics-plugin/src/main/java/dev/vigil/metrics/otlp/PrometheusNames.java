package dev.vigil.metrics.otlp;

import dev.vigil.otlp.AnyValues;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns OTLP metric names, units and attribute keys into Prometheus names, as the OpenTelemetry
 * specification's Prometheus compatibility section describes: invalid characters become {@code _} and runs
 * of {@code _} become one, the unit becomes a suffix ({@code s} → {@code _seconds}, {@code By/s} →
 * {@code _bytes_per_second}, {@code {packet}} dropped), and monotonic sums end in {@code _total}.
 */
final class PrometheusNames {

    private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

    /** UCUM units the specification's table turns into whole words. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"), Map.entry("s", "seconds"),
            Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"), Map.entry("ns", "nanoseconds"),
            Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"), Map.entry("MiBy", "mebibytes"),
            Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"), Map.entry("KBy", "kilobytes"),
            Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"), Map.entry("TBy", "terabytes"),
            Map.entry("m", "meters"), Map.entry("V", "volts"), Map.entry("A", "amperes"), Map.entry("J", "joules"),
            Map.entry("W", "watts"), Map.entry("g", "grams"), Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"),
            Map.entry("%", "percent"));

    /** The units after a {@code /}, in the singular ({@code m/s} → {@code meters_per_second}). */
    private static final Map<String, String> PER_UNITS = Map.of(
            "s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month", "y", "year");

    private PrometheusNames() {}

    /**
     * The Prometheus name of a metric.
     *
     * @param name the OTLP metric name
     * @param unit the OTLP unit, possibly empty
     * @param gauge whether the metric is an OTLP Gauge, the only kind for which unit {@code 1} means {@code _ratio}
     * @param counter whether the metric becomes a Prometheus counter, which ends in {@code _total}
     * @return the name, or {@code ""} if nothing valid is left of {@code name}
     */
    static String metricName(String name, String unit, boolean gauge, boolean counter) {
        String base = sanitize(name, true);
        if (base.isEmpty() || base.equals("_")) {
            return "";
        }
        if (Character.isDigit(base.charAt(0))) {
            base = "_" + base;
        }
        if (counter && base.endsWith("_total")) {
            base = base.substring(0, base.length() - "_total".length());
        }
        String unitWord = unit(unit, gauge);
        if (!unitWord.isEmpty() && !("_" + base + "_").contains("_" + unitWord + "_")) {
            base = base + "_" + unitWord;
        }
        return counter ? base + "_total" : base;
    }

    /**
     * The Prometheus word for an OTLP unit, also used as the unit in the metric's metadata: {@code ms} →
     * {@code milliseconds}, {@code By/s} → {@code bytes_per_second}, {@code 1} → {@code ratio} for gauges and
     * nothing otherwise, annotations in braces dropped. Units outside the table are kept, sanitised.
     */
    static String unit(String unit, boolean gauge) {
        String u = ANNOTATION.matcher(unit).replaceAll("").trim();
        if (u.isEmpty()) {
            return "";
        }
        if (u.equals("1")) {
            return gauge ? "ratio" : "";
        }
        int slash = u.indexOf('/');
        String main = slash < 0 ? u : u.substring(0, slash).trim();
        String per = slash < 0 ? "" : u.substring(slash + 1).trim();
        String mainWord = main.equals("1") ? "" : UNITS.getOrDefault(main, main);
        String perWord = PER_UNITS.getOrDefault(per, UNITS.getOrDefault(per, per));
        String word;
        if (perWord.isEmpty()) {
            word = mainWord;
        } else if (mainWord.isEmpty()) {
            word = "per_" + perWord;
        } else {
            word = mainWord + "_per_" + perWord;
        }
        return trimUnderscores(sanitize(word, false));
    }

    /**
     * The Prometheus label name for an attribute key: invalid characters become {@code _}, runs of {@code _}
     * become one, and a leading digit gets the prefix {@code key_}.
     *
     * @return the name, or {@code ""} if the key is empty
     */
    static String labelName(String key) {
        if (key.isEmpty()) {
            return "";
        }
        String name = sanitize(key, false);
        return Character.isDigit(name.charAt(0)) ? "key_" + name : name;
    }

    /**
     * A floating-point value as a label value ({@code le}, {@code quantile}): the shortest plain decimal, such
     * as {@code 0.005} or {@code 1}, and {@code +Inf}, {@code -Inf} or {@code NaN}.
     */
    static String formatDouble(double value) {
        return AnyValues.formatDouble(value);
    }

    private static String sanitize(String text, boolean allowColon) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || (allowColon && c == ':');
            char next = valid ? c : '_';
            if (next == '_' && out.length() > 0 && out.charAt(out.length() - 1) == '_') {
                continue;
            }
            out.append(next);
        }
        return out.toString();
    }

    private static String trimUnderscores(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '_') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(start, end);
    }
}
