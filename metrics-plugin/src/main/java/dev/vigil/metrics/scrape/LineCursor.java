package dev.vigil.metrics.scrape;

import dev.vigil.api.metrics.Labels;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the parts of one exposition line, left to right; each problem becomes a {@link ParseException}. */
final class LineCursor {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final String line;
    private final int number;
    private int pos;

    LineCursor(String line, int number) {
        this.line = line;
        this.number = number;
    }

    int number() {
        return number;
    }

    boolean atEnd() {
        return pos >= line.length();
    }

    char peek() {
        return line.charAt(pos);
    }

    /** Whether the rest of the line starts with {@code prefix}; consumes it if so. */
    boolean consume(String prefix) {
        if (line.startsWith(prefix, pos)) {
            pos += prefix.length();
            return true;
        }
        return false;
    }

    /** Skips spaces and tabs; returns how many. */
    int skipBlanks() {
        int start = pos;
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    /** The rest of the line, consumed. */
    String rest() {
        String rest = line.substring(pos);
        pos = line.length();
        return rest;
    }

    /** Characters up to the next blank or the end of the line. */
    String token() {
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    /** A metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    String metricName() throws ParseException {
        int start = pos;
        while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, true)) {
            pos++;
        }
        if (pos == start) {
            throw fail("expected a metric name, got " + describeHere());
        }
        return line.substring(start, pos);
    }

    /**
     * A label set in braces, added to {@code builder}; the cursor is on the {@code {}}.
     *
     * @param blanksAllowed whether blanks may surround names, values and commas (text format) or not (OpenMetrics)
     */
    void labels(Labels.Builder builder, boolean blanksAllowed) throws ParseException {
        pos++; // the opening brace
        Set<String> seen = new HashSet<>();
        while (true) {
            skipIf(blanksAllowed);
            if (consume("}")) {
                return;
            }
            String name = labelName();
            skipIf(blanksAllowed);
            if (!consume("=")) {
                throw fail("expected '=' after label name " + name + ", got " + describeHere());
            }
            skipIf(blanksAllowed);
            String value = quoted("label value of " + name);
            if (!seen.add(name) || name.equals(Labels.METRIC_NAME) && builder.get(Labels.METRIC_NAME) != null) {
                throw fail("label name " + name + " appears more than once");
            }
            builder.set(name, value);
            skipIf(blanksAllowed);
            if (consume(",")) {
                continue;
            }
            if (consume("}")) {
                return;
            }
            throw fail("expected ',' or '}' after label " + name + ", got " + describeHere());
        }
    }

    /** A floating-point value as Prometheus reads it: decimal, or {@code NaN}, {@code +Inf}, {@code -Inf}. */
    double value(String what) throws ParseException {
        String token = token();
        if (token.isEmpty()) {
            throw fail("expected " + what + ", got " + describeHere());
        }
        return parseFloat(token, what);
    }

    ParseException fail(String problem) {
        return new ParseException(number, problem);
    }

    /** What is at the cursor, for messages. */
    String describeHere() {
        if (atEnd()) {
            return "end of line";
        }
        String rest = line.substring(pos);
        return '"' + (rest.length() > 40 ? rest.substring(0, 40) + "…" : rest) + '"';
    }

    double parseFloat(String token, String what) throws ParseException {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!DECIMAL.matcher(token).matches()) {
                    throw fail("invalid " + what + " \"" + token + "\"");
                }
                return Double.parseDouble(token);
        }
    }

    /** A timestamp in seconds with a fraction (OpenMetrics), as milliseconds. */
    long secondsAsMillis(String token) throws ParseException {
        if (!DECIMAL.matcher(token).matches()) {
            throw fail("invalid timestamp \"" + token + "\"");
        }
        try {
            return new BigDecimal(token).movePointRight(3).longValue();
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail("invalid timestamp \"" + token + "\"");
        }
    }

    /** A timestamp in integer milliseconds (text format). */
    long millis(String token) throws ParseException {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw fail("invalid timestamp \"" + token + "\"");
        }
    }

    private String labelName() throws ParseException {
        int start = pos;
        while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, false)) {
            pos++;
        }
        if (pos == start) {
            throw fail("expected a label name, got " + describeHere());
        }
        return line.substring(start, pos);
    }

    private String quoted(String what) throws ParseException {
        if (!consume("\"")) {
            throw fail("expected a quoted " + what + ", got " + describeHere());
        }
        StringBuilder out = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= line.length()) {
                break;
            }
            char e = line.charAt(pos++);
            switch (e) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'n' -> out.append('\n');
                default -> throw fail("invalid escape sequence '\\" + e + "' in " + what);
            }
        }
        throw fail("unterminated quoted " + what);
    }

    private void skipIf(boolean blanksAllowed) {
        if (blanksAllowed) {
            skipBlanks();
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isValidMetricName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i), i == 0, true)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c, boolean first, boolean colonAllowed) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || colonAllowed && c == ':' || !first && c >= '0' && c <= '9';
    }
}
