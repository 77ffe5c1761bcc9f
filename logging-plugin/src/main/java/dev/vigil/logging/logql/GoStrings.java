package dev.vigil.logging.logql;

/**
 * Go's string quoting, as LogQL reads string literals and as Loki's messages quote values. Stateless and
 * thread-safe.
 */
public final class GoStrings {

    private GoStrings() {}

    /** {@code s} in double quotes with Go's escapes, as Go's {@code %q} writes it. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The value of the body of a double-quoted Go string literal (without its quotes).
     *
     * @throws IllegalArgumentException {@code invalid char escape} for an escape Go does not know
     */
    static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= body.length()) {
                throw new IllegalArgumentException("invalid char escape");
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'x' -> i = appendHex(body, i, 2, out, true);
                case 'u' -> i = appendHex(body, i, 4, out, false);
                case 'U' -> i = appendHex(body, i, 8, out, false);
                default -> {
                    if (e >= '0' && e <= '7') {
                        if (i + 2 > body.length()) {
                            throw new IllegalArgumentException("invalid char escape");
                        }
                        String digits = body.substring(i - 1, i + 2);
                        if (!digits.chars().allMatch(d -> d >= '0' && d <= '7')) {
                            throw new IllegalArgumentException("invalid char escape");
                        }
                        int value = Integer.parseInt(digits, 8);
                        if (value > 255) {
                            throw new IllegalArgumentException("invalid char escape");
                        }
                        out.append((char) value);
                        i += 2;
                    } else {
                        throw new IllegalArgumentException("invalid char escape");
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendHex(String body, int at, int digits, StringBuilder out, boolean isByte) {
        if (at + digits > body.length()) {
            throw new IllegalArgumentException("invalid char escape");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(body.substring(at, at + digits), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid char escape", e);
        }
        if (!isByte && (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF))) {
            throw new IllegalArgumentException("escape sequence is invalid Unicode code point");
        }
        out.appendCodePoint(value);
        return at + digits;
    }
}
