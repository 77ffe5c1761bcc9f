package dev.vigil.alerting.rules.unittest;

/** Go's backslash escapes in quoted strings, as PromQL uses them. */
final class GoEscapes {

    private GoEscapes() {}

    /**
     * Reads the escape after a backslash at {@code pos} (just past the backslash) into {@code out}.
     *
     * @return the position after the escape
     * @throws NotationException if the escape is not one of Go's
     */
    static int unescape(String text, int pos, char quote, StringBuilder out, int stringStart) throws NotationException {
        if (pos >= text.length()) {
            throw new NotationException("1:" + (stringStart + 1) + ": parse error: unterminated quoted string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case 'x' -> {
                return hex(text, pos, 2, out, stringStart);
            }
            case 'u' -> {
                return hex(text, pos, 4, out, stringStart);
            }
            case 'U' -> {
                return hex(text, pos, 8, out, stringStart);
            }
            default -> {
                if (c == quote) {
                    out.append(c);
                } else if (c >= '0' && c <= '7') {
                    if (pos + 2 > text.length()) {
                        throw invalid(stringStart);
                    }
                    String digits = c + text.substring(pos, pos + 2);
                    if (!digits.chars().allMatch(d -> d >= '0' && d <= '7')) {
                        throw invalid(stringStart);
                    }
                    out.append((char) Integer.parseInt(digits, 8));
                    return pos + 2;
                } else {
                    throw invalid(stringStart);
                }
            }
        }
        return pos;
    }

    private static int hex(String text, int pos, int digits, StringBuilder out, int stringStart) throws NotationException {
        if (pos + digits > text.length()) {
            throw invalid(stringStart);
        }
        try {
            int code = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            out.appendCodePoint(code);
        } catch (IllegalArgumentException e) {
            throw invalid(stringStart);
        }
        return pos + digits;
    }

    private static NotationException invalid(int stringStart) {
        return new NotationException("1:" + (stringStart + 1) + ": parse error: invalid escape sequence in quoted string");
    }
}
