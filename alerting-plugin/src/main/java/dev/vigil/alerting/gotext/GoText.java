package dev.vigil.alerting.gotext;

import java.nio.charset.StandardCharsets;

/**
 * Go's string handling, for templates and for messages that must read like Prometheus's: quoting and unquoting
 * like {@code strconv}, {@code unicode.IsPrint}, case mapping rune by rune like {@code strings.ToUpper}, and
 * byte-wise (code point) ordering. Stateless.
 */
public final class GoText {

    private static final String LOWER_HEX = "0123456789abcdef";

    private GoText() {}

    /** {@code strconv.Quote}. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** {@code strconv.QuoteToASCII}. */
    public static String quoteToAscii(String s) {
        return quoteWith(s, '"', true);
    }

    /** {@code strconv.QuoteRune}, or {@code QuoteRuneToASCII} when {@code ascii}. */
    public static String quoteRune(int r, boolean ascii) {
        StringBuilder out = new StringBuilder(8).append('\'');
        appendEscapedRune(out, validRune(r), '\'', ascii);
        return out.append('\'').toString();
    }

    /** {@code strconv.CanBackquote}. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '`' || r == 0xFEFF || r >= 0xD800 && r <= 0xDFFF) {
                return false;
            }
            if (r < ' ' && r != '\t' || r == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String quoteWith(String s, char quote, boolean ascii) {
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscapedRune(out, validRune(r), quote, ascii);
        }
        return out.append(quote).toString();
    }

    private static int validRune(int r) {
        return r >= 0xD800 && r <= 0xDFFF ? 0xFFFD : r;
    }

    private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean ascii) {
        if (r == quote || r == '\\') {
            out.append('\\').append((char) r);
            return;
        }
        if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    out.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xf));
                } else if (r < 0x10000) {
                    out.append("\\u");
                    appendHex(out, r, 4);
                } else {
                    out.append("\\U");
                    appendHex(out, r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(LOWER_HEX.charAt((value >> shift) & 0xf));
        }
    }

    /** {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        if (r < 0 || r > Character.MAX_CODE_POINT) {
            return false;
        }
        return switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** A rune as Go's {@code %#U} prints it: {@code U+0041 'A'}, or {@code U+00A0} when not printable. */
    public static String unicodeName(int r) {
        StringBuilder out = new StringBuilder("U+");
        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
        for (int i = hex.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(hex);
        if (isPrint(r)) {
            out.append(" '").appendCodePoint(r).append('\'');
        }
        return out.toString();
    }

    /** {@code strings.ToUpper}: the simple upper-case mapping of every rune. */
    public static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            out.appendCodePoint(Character.toUpperCase(r));
        }
        return out.toString();
    }

    /** {@code strings.ToLower}: the simple lower-case mapping of every rune. */
    public static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            out.appendCodePoint(Character.toLowerCase(r));
        }
        return out.toString();
    }

    /** Go's string ordering: byte-wise on UTF-8, which is code point order. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The length of {@code s} in UTF-8 bytes, which is what Go's {@code len} counts. */
    public static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The UTF-8 bytes of {@code s}. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code strconv.Unquote} for the string literals templates allow: {@code "..."} with Go escapes, and raw
     * {@code `...`} strings (carriage returns removed).
     *
     * @throws IllegalArgumentException with the message {@code invalid syntax}
     */
    public static String unquote(String quoted) {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != quoted.charAt(n - 1)) {
            throw invalidSyntax();
        }
        char q = quoted.charAt(0);
        String body = quoted.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw invalidSyntax();
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (q != '"' && q != '\'') {
            throw invalidSyntax();
        }
        StringBuilder out = new StringBuilder(body.length());
        int[] at = {0};
        while (at[0] < body.length()) {
            char c = body.charAt(at[0]);
            if (c == q && q == '"' || c == '\n') {
                throw invalidSyntax();
            }
            out.appendCodePoint(unquoteChar(body, at, q));
        }
        return out.toString();
    }

    /**
     * {@code strconv.UnquoteChar}: decodes the character or escape at {@code at[0]} in {@code s}, quoted with
     * {@code quote}, and moves {@code at[0]} past it.
     *
     * @throws IllegalArgumentException with the message {@code invalid syntax}
     */
    public static int unquoteChar(String s, int[] at, char quote) {
        int i = at[0];
        int c = s.codePointAt(i);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw invalidSyntax();
        }
        if (c != '\\') {
            at[0] = i + Character.charCount(c);
            return c;
        }
        if (i + 1 >= s.length()) {
            throw invalidSyntax();
        }
        char e = s.charAt(i + 1);
        i += 2;
        int value;
        switch (e) {
            case 'a' -> value = 7;
            case 'b' -> value = '\b';
            case 'f' -> value = '\f';
            case 'n' -> value = '\n';
            case 'r' -> value = '\r';
            case 't' -> value = '\t';
            case 'v' -> value = 11;
            case 'x', 'u', 'U' -> {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    throw invalidSyntax();
                }
                value = 0;
                for (int k = 0; k < digits; k++) {
                    int d = Character.digit(s.charAt(i + k), 16);
                    if (d < 0) {
                        throw invalidSyntax();
                    }
                    value = value * 16 + d;
                }
                i += digits;
                if (e != 'x' && (value > Character.MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF)) {
                    throw invalidSyntax();
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i + 2 > s.length()) {
                    throw invalidSyntax();
                }
                value = e - '0';
                for (int k = 0; k < 2; k++) {
                    int d = s.charAt(i + k) - '0';
                    if (d < 0 || d > 7) {
                        throw invalidSyntax();
                    }
                    value = value * 8 + d;
                }
                i += 2;
                if (value > 255) {
                    throw invalidSyntax();
                }
            }
            case '\\' -> value = '\\';
            case '\'', '"' -> {
                if (e != quote) {
                    throw invalidSyntax();
                }
                value = e;
            }
            default -> throw invalidSyntax();
        }
        at[0] = i;
        return value;
    }

    private static IllegalArgumentException invalidSyntax() {
        return new IllegalArgumentException("invalid syntax");
    }
}
