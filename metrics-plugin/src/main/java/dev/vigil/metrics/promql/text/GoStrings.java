package dev.vigil.metrics.promql.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Strings in Go's conventions, which PromQL and Prometheus's messages follow: quoting as {@code %q} and
 * {@code %#U} do, the reading of string literals with Go escapes, and Go's view of valid UTF-8. Stateless and
 * thread-safe.
 *
 * <p>A Go string is a sequence of bytes, so an escape such as {@code "\xc5"} may leave bytes that are not
 * UTF-8. Such a byte {@code b} is kept in the Java string as the lone surrogate {@code U+DC00 + b} (never a
 * valid character), so that {@link #isValidUtf8} can see it and {@link #quote} prints it back as {@code \xc5},
 * as Prometheus does.
 */
public final class GoStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoStrings() {}

    /**
     * Go's {@code %q} of a string: in double quotes, with quotes, backslashes and characters Go does not print
     * escaped; a byte kept as a lone surrogate prints as {@code \x80} to {@code \xff}.
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        appendEscaped(out, s, '"');
        return out.append('"').toString();
    }

    /** Go's {@code %.Nq}: at most {@code runes} characters of {@code s}, quoted. */
    public static String quotePrefix(String s, int runes) {
        int end = 0;
        for (int n = 0; n < runes && end < s.length(); n++) {
            end += Character.charCount(s.codePointAt(end));
        }
        return quote(s.substring(0, end));
    }

    /** Go's {@code %q} of a rune, such as {@code 'x'}; -1 (end of input) prints as Go prints it. */
    public static String quoteRune(int codePoint) {
        StringBuilder out = new StringBuilder(8).append('\'');
        appendEscaped(out, codePoint < 0 ? 0xFFFD : codePoint, '\'');
        return out.append('\'').toString();
    }

    /** Go's {@code %#U}, such as {@code U+0063 'c'}. */
    public static String unicode(int codePoint) {
        StringBuilder out = new StringBuilder("U+");
        String hex = Integer.toHexString(codePoint).toUpperCase(Locale.ROOT);
        for (int i = hex.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(hex);
        if (isPrint(codePoint)) {
            out.append(" '").appendCodePoint(codePoint).append('\'');
        }
        return out.toString();
    }

    /** Whether Go counts the character as printable ({@code unicode.IsPrint}). */
    private static boolean isPrint(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Whether {@code text} is valid UTF-8 in Go's sense: it holds no byte that {@link #unquote} kept as a lone
     * surrogate, nor any other unpaired surrogate.
     */
    public static boolean isValidUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of a string literal, quotes included: {@code "..."} and {@code '...'} with Go escapes,
     * {@code `...`} taken as written. The literal must be well formed, as the PromQL lexer has checked it.
     */
    public static String unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`' || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        byte[] bytes = new byte[0];
        int byteCount = 0;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                byteCount = flushBytes(out, bytes, byteCount);
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            if (e == 'x' || (e >= '0' && e <= '7')) {
                boolean hex = e == 'x';
                int from = hex ? i : i - 1;
                int to = from + (hex ? 2 : 3);
                int value = Integer.parseInt(body, from, to, hex ? 16 : 8);
                i = to;
                if (value < 0x80) {
                    byteCount = flushBytes(out, bytes, byteCount);
                    out.append((char) value);
                } else {
                    if (byteCount == bytes.length) {
                        bytes = Arrays.copyOf(bytes, Math.max(8, bytes.length * 2));
                    }
                    bytes[byteCount++] = (byte) value;
                }
                continue;
            }
            byteCount = flushBytes(out, bytes, byteCount);
            if (e == 'u' || e == 'U') {
                int to = i + (e == 'u' ? 4 : 8);
                out.appendCodePoint(Integer.parseInt(body, i, to, 16));
                i = to;
                continue;
            }
            out.append(switch (e) {
                case 'a' -> (char) 7;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> (char) 11;
                default -> e; // a backslash or the quote character
            });
        }
        flushBytes(out, bytes, byteCount);
        return out.toString();
    }

    /** Decodes escaped bytes as UTF-8, keeping each byte that is not part of a valid sequence as a surrogate. */
    private static int flushBytes(StringBuilder out, byte[] bytes, int count) {
        int i = 0;
        while (i < count) {
            int b = bytes[i] & 0xff;
            int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
            int cp = decode(bytes, i, count, b, length);
            if (cp < 0) {
                out.append((char) (0xDC00 + b));
                i++;
            } else {
                out.appendCodePoint(cp);
                i += length;
            }
        }
        return 0;
    }

    private static int decode(byte[] bytes, int at, int count, int lead, int length) {
        if (lead < 0xc2 || lead > 0xf4 || at + length > count) {
            return -1;
        }
        int low = 0x80;
        int high = 0xbf;
        if (lead == 0xe0) {
            low = 0xa0;
        } else if (lead == 0xed) {
            high = 0x9f;
        } else if (lead == 0xf0) {
            low = 0x90;
        } else if (lead == 0xf4) {
            high = 0x8f;
        }
        int cp = lead & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            int b = bytes[at + k] & 0xff;
            if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xbf)) {
                return -1;
            }
            cp = (cp << 6) | (b & 0x3f);
        }
        return cp;
    }

    private static void appendEscaped(StringBuilder out, String s, char quote) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendEscaped(out, cp, quote);
            i += Character.charCount(cp);
        }
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').append((char) cp);
        } else if (cp >= 0xDC80 && cp <= 0xDCFF) {
            appendHex(out.append("\\x"), cp - 0xDC00, 2);
        } else if (isPrint(cp)) {
            out.appendCodePoint(cp);
        } else {
            switch (cp) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        appendHex(out.append("\\x"), cp, 2);
                    } else if (cp < 0x10000) {
                        appendHex(out.append("\\u"), cp, 4);
                    } else {
                        appendHex(out.append("\\U"), cp, 8);
                    }
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xf]);
        }
    }
}
