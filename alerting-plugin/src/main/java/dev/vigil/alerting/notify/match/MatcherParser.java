package dev.vigil.alerting.notify.match;

import dev.vigil.api.metrics.LabelMatcher;
import java.util.ArrayList;
import java.util.List;

/** Reads a comma-separated list of matchers; one parser reads one text. Not thread-safe. */
final class MatcherParser {

    private final String text;
    private String body;
    private int pos;

    MatcherParser(String text) {
        this.text = text;
        this.body = text.strip();
    }

    List<LabelMatcher> parse() {
        if (body.isEmpty()) {
            throw error("no matcher");
        }
        boolean open = body.startsWith("{");
        boolean close = body.endsWith("}");
        if (open != close) {
            throw error(open ? "missing closing '}'" : "missing opening '{'");
        }
        if (open) {
            body = body.substring(1, body.length() - 1);
        }
        List<LabelMatcher> out = new ArrayList<>();
        skipSpace();
        while (pos < body.length()) {
            out.add(matcher());
            skipSpace();
            if (pos < body.length()) {
                if (body.charAt(pos) != ',') {
                    throw error("expected ',' after a matcher at position " + (pos + 1) + " of the list");
                }
                pos++;
                skipSpace();
            }
        }
        if (out.isEmpty() && !open) {
            throw error("no matcher");
        }
        return out;
    }

    private LabelMatcher matcher() {
        String name;
        if (body.charAt(pos) == '"') {
            name = quoted();
        } else {
            int start = pos;
            while (pos < body.length() && "=!~,{}\" \t\n".indexOf(body.charAt(pos)) < 0) {
                pos++;
            }
            name = body.substring(start, pos);
        }
        if (name.isEmpty()) {
            throw error("a matcher has no label name");
        }
        skipSpace();
        LabelMatcher.Type type = operator(name);
        skipSpace();
        String value;
        if (pos < body.length() && body.charAt(pos) == '"') {
            value = quoted();
        } else {
            int start = pos;
            while (pos < body.length() && body.charAt(pos) != ',') {
                if (body.charAt(pos) == '"') {
                    throw error("the value for " + name + " has an unescaped '\"'; quote the whole value");
                }
                pos++;
            }
            value = body.substring(start, pos).strip();
        }
        try {
            return LabelMatcher.of(type, name, value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private LabelMatcher.Type operator(String name) {
        String rest = body.substring(pos);
        for (String op : new String[] {"=~", "!~", "!=", "="}) {
            if (rest.startsWith(op)) {
                pos += op.length();
                for (LabelMatcher.Type t : LabelMatcher.Type.values()) {
                    if (t.operator().equals(op)) {
                        return t;
                    }
                }
            }
        }
        throw error("expected one of = != =~ !~ after " + name);
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < body.length()) {
            char c = body.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < body.length()) {
                char next = body.charAt(pos);
                switch (next) {
                    case '"' -> {
                        out.append('"');
                        pos++;
                    }
                    case '\\' -> {
                        out.append('\\');
                        pos++;
                    }
                    case 'n' -> {
                        out.append('\n');
                        pos++;
                    }
                    // Alertmanager reads any other backslash literally, so regular expressions like \d survive.
                    default -> out.append('\\');
                }
            } else {
                out.append(c);
            }
        }
        throw error("unterminated quoted string");
    }

    private void skipSpace() {
        while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException("bad matcher " + Matchers.quote(text) + ": " + reason);
    }
}
