package dev.vigil.metrics.promql.conformance;

import dev.vigil.api.metrics.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a series description and its values: {@code metric{a="b", c='d'} 1 2+3x4 _ stale}. The labels may
 * be written without a metric name ({@code {job="x"}}), with the name quoted inside the braces
 * ({@code {"a.b", "c"="d"}}), or with {@code __name__}. Values use the expanding notation: {@code a+bxn} is
 * a, a+b, …, a+nb (added up step by step, as the scripts' original tooling does); {@code a-bxn} counts down;
 * {@code axn} repeats a n+1 times; {@code _} is one missing sample and {@code _xn} is n of them;
 * {@code stale} is a staleness marker; {@code {{...}}} is a native histogram (optionally
 * {@code {{...}}+{{...}}xn} or {@code {{...}}xn}), recognised but not interpreted. Stateless.
 */
final class SeriesDescriptionParser {

    // no hexadecimal here: "0x5" would be ambiguous with the repeat count
    private static final String NUMBER = "(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:inf(?:inity)?|nan))";
    private static final Pattern SEQUENCE =
            Pattern.compile("([+-]?" + NUMBER + ")(?:([+-])(" + NUMBER + "))?(?:x(\\d+))?");
    private static final Pattern MISSING_RUN = Pattern.compile("_x(\\d+)");
    private static final Pattern REPEAT = Pattern.compile("x(\\d+)");

    private final String line;
    private int pos;

    private SeriesDescriptionParser(String line) {
        this.line = line;
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException with the reason if it is not a valid series description
     */
    static SeriesLine parse(String line) {
        SeriesDescriptionParser parser = new SeriesDescriptionParser(line.strip());
        Labels labels = parser.labels();
        if (parser.pos < parser.line.length() && !Character.isWhitespace(parser.line.charAt(parser.pos))) {
            throw parser.error("expected white space after the series");
        }
        return new SeriesLine(labels, parser.values());
    }

    private Labels labels() {
        Labels.Builder builder = Labels.builder();
        String name = null;
        if (pos < line.length() && isNameStart(line.charAt(pos))) {
            name = identifier(true);
        }
        if (pos < line.length() && line.charAt(pos) == '{') {
            pos++;
            name = labelList(builder, name);
        } else if (name == null) {
            throw error("expected a metric name or '{'");
        }
        if (name != null) {
            if (builder.get(Labels.METRIC_NAME) != null) {
                throw error("the metric name is given twice");
            }
            builder.add(Labels.METRIC_NAME, name);
        }
        return builder.build();
    }

    /** Reads the labels up to the closing brace; returns the metric name, which may be given inside. */
    private @Nullable String labelList(Labels.Builder builder, @Nullable String nameBefore) {
        String name = nameBefore;
        while (true) {
            skipSpaces();
            if (peek() == '}') {
                pos++;
                return name;
            }
            boolean quoted = isQuote(peek());
            String key = quoted ? quotedString() : identifier(false);
            skipSpaces();
            if (peek() == '=') {
                pos++;
                skipSpaces();
                if (!isQuote(peek())) {
                    throw error("expected a quoted label value");
                }
                String value = quotedString();
                if (builder.get(key) != null) {
                    throw error("label " + key + " is given twice");
                }
                builder.add(key, value);
            } else if (quoted) {
                if (name != null) {
                    throw error("the metric name is given twice");
                }
                name = key;
            } else {
                throw error("expected '=' after label name " + key);
            }
            skipSpaces();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<SeriesValue> values() {
        List<SeriesValue> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= line.length()) {
                return values;
            }
            if (line.startsWith("{{", pos)) {
                histograms(values);
            } else {
                int start = pos;
                while (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
                    pos++;
                }
                sequence(line.substring(start, pos), values);
            }
        }
    }

    private void histograms(List<SeriesValue> values) {
        skipHistogramLiteral();
        if (pos < line.length() && (line.charAt(pos) == '+' || line.charAt(pos) == '-') && line.startsWith("{{", pos + 1)) {
            pos++;
            skipHistogramLiteral();
        }
        long count = 1;
        Matcher repeat = REPEAT.matcher(line).region(pos, line.length());
        if (repeat.lookingAt()) {
            count = Long.parseLong(repeat.group(1)) + 1;
            pos = repeat.end();
        }
        if (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
            throw error("unexpected text after a histogram");
        }
        for (long i = 0; i < count; i++) {
            values.add(SeriesValue.HISTOGRAM);
        }
    }

    private void skipHistogramLiteral() {
        int end = line.indexOf("}}", pos + 2);
        if (end < 0) {
            throw error("unterminated histogram '{{'");
        }
        pos = end + 2;
    }

    private void sequence(String item, List<SeriesValue> values) {
        if (item.equals("_")) {
            values.add(SeriesValue.MISSING);
            return;
        }
        if (item.equals("stale")) {
            values.add(SeriesValue.STALE);
            return;
        }
        Matcher missing = MISSING_RUN.matcher(item);
        if (missing.matches()) {
            long n = Long.parseLong(missing.group(1));
            for (long i = 0; i < n; i++) {
                values.add(SeriesValue.MISSING);
            }
            return;
        }
        Matcher m = SEQUENCE.matcher(item);
        if (!m.matches()) {
            throw error("not a value or sequence: \"" + item + "\"");
        }
        double value = Numbers.parse(m.group(1));
        double step = m.group(3) == null ? 0 : Numbers.parse(m.group(3));
        if ("-".equals(m.group(2))) {
            step = -step;
        }
        if (m.group(3) != null && m.group(4) == null) {
            throw error("a sequence with a step needs a count: \"" + item + "\"");
        }
        long n = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        for (long i = 0; i <= n; i++) {
            values.add(SeriesValue.of(value));
            value += step;
        }
    }

    private String identifier(boolean metricName) {
        int start = pos;
        while (pos < line.length() && (isNameStart(line.charAt(pos)) || Character.isDigit(line.charAt(pos)))) {
            if (!metricName && line.charAt(pos) == ':') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected a name");
        }
        return line.substring(start, pos);
    }

    /** A string in double or single quotes with escapes, or in backquotes without. */
    private String quotedString() {
        char quote = line.charAt(pos++);
        if (quote == '`') {
            int end = line.indexOf('`', pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String raw = line.substring(pos, end);
            pos = end + 1;
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (pos >= line.length()) {
                throw error("unterminated string");
            }
            char c = line.charAt(pos++);
            if (c == quote) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (c == '\\') {
                escape(bytes);
            } else {
                int cp = Character.isHighSurrogate(c) && pos < line.length() ? Character.toCodePoint(c, line.charAt(pos++)) : c;
                writeUtf8(bytes, cp);
            }
        }
    }

    private void escape(ByteArrayOutputStream bytes) {
        if (pos >= line.length()) {
            throw error("unterminated escape");
        }
        char c = line.charAt(pos++);
        switch (c) {
            case 'a' -> bytes.write(7);
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case 'v' -> bytes.write(11);
            case '\\', '"', '\'' -> bytes.write(c);
            case 'x' -> bytes.write(hex(2));
            case 'u' -> writeUtf8(bytes, hex(4));
            case 'U' -> writeUtf8(bytes, hex(8));
            default -> {
                if (c >= '0' && c <= '7' && pos + 2 <= line.length()) {
                    bytes.write(Integer.parseInt(line.substring(pos - 1, pos + 2), 8) & 0xff);
                    pos += 2;
                } else {
                    throw error("unknown escape \\" + c);
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > line.length()) {
            throw error("short escape");
        }
        try {
            int value = Integer.parseUnsignedInt(line.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("bad escape digits");
        }
    }

    private static void writeUtf8(ByteArrayOutputStream bytes, int codePoint) {
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
    }

    private void skipSpaces() {
        while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= line.length()) {
            throw error("unexpected end of line");
        }
        return line.charAt(pos);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(reason + " at column " + (pos + 1) + " of \"" + line + "\"");
    }
}
