package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import java.nio.charset.StandardCharsets;

/** The escaping functions of Go templates and {@code net/url}: {@code html}, {@code js}, {@code url.QueryEscape}. */
final class GoEscape {

    private static final String UPPER_HEX = "0123456789ABCDEF";

    private GoEscape() {}

    /** {@code template.HTMLEscapeString}. */
    static String html(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case 0 -> "\uFFFD";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? s : out.toString();
    }

    /** {@code template.JSEscapeString}. */
    static String js(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        out.append("\\u00").append(UPPER_HEX.charAt(r >> 4)).append(UPPER_HEX.charAt(r & 0xf));
                    } else if (r < 0x80 || GoText.isPrint(r)) {
                        out.appendCodePoint(r);
                    } else {
                        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
                        out.append("\\u");
                        for (int k = hex.length(); k < 4; k++) {
                            out.append('0');
                        }
                        out.append(hex);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code url.QueryEscape}: unreserved characters stay, a space becomes {@code +}, the rest {@code %XX}. */
    static String queryEscape(String s) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c)) {
                bytes = s.getBytes(StandardCharsets.UTF_8);
                break;
            }
        }
        if (bytes == null) {
            return s;
        }
        out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x80 && isUnreserved((char) c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                || c == '~';
    }
}
