package dev.vigil.alerting.rules.unittest;

import dev.vigil.api.metrics.Labels;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a series written in PromQL's notation, {@code name{label="value", …}}, as promtool reads the
 * {@code series} of an input and the {@code labels} of an expected sample. The name may be left out, label values
 * may use double quotes, single quotes or backticks with Go's escapes, and a quoted string alone in the braces is
 * the metric name (Prometheus 3's notation for names outside the legacy characters). An empty text is the empty
 * label set. Stateless.
 */
final class SeriesNotation {

    private final String text;
    private int pos;

    private SeriesNotation(String text) {
        this.text = text;
    }

    /**
     * The labels of {@code text}, with the metric name as {@code __name__}.
     *
     * @throws NotationException if it does not parse, or names a label twice
     */
    static Labels parse(String text) throws NotationException {
        return new SeriesNotation(text).metric();
    }

    private Labels metric() throws NotationException {
        Labels.Builder builder = Labels.builder();
        Set<String> seen = new HashSet<>();
        skipSpace();
        if (pos < text.length() && isNameStart(text.charAt(pos))) {
            int start = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos), true)) {
                pos++;
            }
            add(builder, seen, Labels.METRIC_NAME, text.substring(start, pos), start);
            skipSpace();
        }
        if (pos < text.length() && text.charAt(pos) == '{') {
            pos++;
            labels(builder, seen);
            skipSpace();
        }
        if (pos < text.length()) {
            throw error(pos, "unexpected character " + describe(text.charAt(pos)));
        }
        return builder.build();
    }

    private void labels(Labels.Builder builder, Set<String> seen) throws NotationException {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw error(pos, "unexpected end of input inside braces");
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                return;
            }
            int start = pos;
            String name;
            boolean quoted = isQuote(c);
            if (quoted) {
                name = string();
            } else if (isNameStart(c)) {
                while (pos < text.length() && isNameChar(text.charAt(pos), false)) {
                    pos++;
                }
                name = text.substring(start, pos);
            } else {
                throw error(pos, "unexpected character inside braces: " + describe(c));
            }
            skipSpace();
            if (quoted && pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == '}')) {
                add(builder, seen, Labels.METRIC_NAME, name, start);
            } else {
                if (pos >= text.length()) {
                    throw error(pos, "unexpected end of input inside braces");
                }
                if (text.charAt(pos) != '=') {
                    throw error(pos, "expected '=' after label name " + name + ", got " + describe(text.charAt(pos))
                            + " (a series has only equality labels)");
                }
                pos++;
                skipSpace();
                if (pos >= text.length() || !isQuote(text.charAt(pos))) {
                    throw error(pos, pos >= text.length() ? "unexpected end of input inside braces"
                            : "expected a quoted label value for " + name + ", got " + describe(text.charAt(pos)));
                }
                add(builder, seen, name, string(), start);
            }
            skipSpace();
            if (pos >= text.length()) {
                throw error(pos, "unexpected end of input inside braces");
            }
            if (text.charAt(pos) == ',') {
                pos++;
            } else if (text.charAt(pos) != '}') {
                throw error(pos, "expected ',' or '}' inside braces, got " + describe(text.charAt(pos)));
            }
        }
    }

    private void add(Labels.Builder builder, Set<String> seen, String name, String value, int at) throws NotationException {
        if (!seen.add(name)) {
            throw error(at, "label " + name + " appears more than once");
        }
        builder.set(name, value);
    }

    /** A quoted string at {@code pos}, unescaped. */
    private String string() throws NotationException {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && quote != '`') {
                pos = GoEscapes.unescape(text, pos, quote, out, start);
            } else if (c == '\n' && quote != '`') {
                throw error(start, "unterminated quoted string");
            } else {
                out.append(c);
            }
        }
        throw error(start, "unterminated quoted string");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c, boolean colonAllowed) {
        return c == '_' || (colonAllowed && c == ':') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9');
    }

    private static String describe(char c) {
        return "'" + c + "'";
    }

    private static NotationException error(int at, String message) {
        return new NotationException("1:" + (at + 1) + ": parse error: " + message);
    }
}
