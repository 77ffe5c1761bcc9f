package dev.vigil.logging.logql;

import java.util.ArrayList;
import java.util.List;

/**
 * The templates of {@code line_format} this engine fills in: text with {@code {{.label}}} (or
 * with spaces, and Go's {@code -} markers that trim the text around an action) for a label's value, empty when the line has no
 * such label, and {@code {{__line__}}} for the line itself. Immutable and thread-safe.
 */
final class LineTemplate {

    /** A piece of the template: text when {@code label} is false, else the name of a label. */
    private record Part(String text, boolean label) {}

    private static final String LINE = "__line__";

    private final List<Part> parts;

    private LineTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Reads a template.
     *
     * @throws LogqlException if it uses more of Go's templates than label values and {@code __line__}
     */
    static LineTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                text.append(template, i, template.length());
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw LogqlParseException.of("invalid line template: unclosed action");
            }
            text.append(template, i, open);
            String action = template.substring(open + 2, close);
            if (action.startsWith("-")) {
                trimEnd(text);
                action = action.substring(1);
            }
            boolean trimAfter = action.endsWith("-");
            if (trimAfter) {
                action = action.substring(0, action.length() - 1);
            }
            action = action.strip();
            if (!text.isEmpty()) {
                parts.add(new Part(text.toString(), false));
                text.setLength(0);
            }
            if (action.equals(LINE)) {
                parts.add(new Part(LINE, true));
            } else if (action.length() > 1 && action.charAt(0) == '.' && isName(action.substring(1))) {
                parts.add(new Part(action.substring(1), true));
            } else {
                throw LogqlParser.unsupported("line_format template action {{" + template.substring(open + 2, close) + "}}");
            }
            i = close + 2;
            if (trimAfter) {
                while (i < template.length() && Character.isWhitespace(template.charAt(i))) {
                    i++;
                }
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), false));
        }
        return new LineTemplate(List.copyOf(parts));
    }

    /** The template filled in for a line. */
    String render(String line, EntryLabels labels) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!part.label()) {
                out.append(part.text());
            } else if (part.text().equals(LINE)) {
                out.append(line);
            } else {
                String value = labels.get(part.text());
                if (value != null) {
                    out.append(value);
                }
            }
        }
        return out.toString();
    }

    private static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static void trimEnd(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
    }
}
