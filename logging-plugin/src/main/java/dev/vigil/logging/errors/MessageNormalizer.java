package dev.vigil.logging.errors;

/**
 * An exception message with its parameters replaced by placeholders, so that {@code order 1234 not found} and
 * {@code order 98 not found} read the same: e-mail addresses become {@code <email>}, UUIDs {@code <uuid>}, hex ids
 * of 8 or more digits (or written {@code 0x...}) {@code <hex>}, quoted text {@code <str>}, and numbers (with their
 * decimals, so versions, times and IP addresses too) {@code <num>}. White space runs become one space; the result is
 * at most {@value #MAX_LENGTH} characters. Stateless.
 */
final class MessageNormalizer {

    static final int MAX_LENGTH = 300;

    private MessageNormalizer() {}

    static String normalize(String message) {
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_LENGTH) + 16);
        int n = message.length();
        int i = 0;
        boolean space = false;
        while (i < n && out.length() < MAX_LENGTH) {
            char c = message.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                i++;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            int end;
            if ((end = quoted(message, i)) > i) {
                out.append("<str>");
            } else if ((end = email(message, i)) > i) {
                out.append("<email>");
            } else if ((end = uuid(message, i)) > i) {
                out.append("<uuid>");
            } else if ((end = hex(message, i)) > i) {
                out.append("<hex>");
            } else if ((end = number(message, i)) > i) {
                out.append("<num>");
            } else {
                out.append(c);
                end = i + 1;
            }
            i = end;
        }
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
    }

    private static boolean isWordStart(String s, int i) {
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    /** The end of a quoted text starting at {@code i} on the same line, or {@code i}. */
    private static int quoted(String s, int i) {
        char q = s.charAt(i);
        if (q != '"' && q != '\'' && q != '`') {
            return i;
        }
        if (q == '\'' && !isWordStart(s, i)) {
            return i; // an apostrophe: don't
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return i;
            }
            if (c == q) {
                return j + 1;
            }
        }
        return i;
    }

    private static int email(String s, int i) {
        if (!isWordStart(s, i)) {
            return i;
        }
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "._%+-".indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        if (j == i || j >= s.length() || s.charAt(j) != '@') {
            return i;
        }
        int domain = j + 1;
        int k = domain;
        int dots = 0;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '-' || s.charAt(k) == '.'
                && k + 1 < s.length() && Character.isLetterOrDigit(s.charAt(k + 1)))) {
            if (s.charAt(k) == '.') {
                dots++;
            }
            k++;
        }
        return dots > 0 && k > domain ? k : i;
    }

    private static int uuid(String s, int i) {
        if (!isWordStart(s, i) || i + 36 > s.length()) {
            return i;
        }
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(i + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return i;
            }
        }
        int end = i + 36;
        return end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) ? end : i;
    }

    /** {@code 0x1f} or a word of 8 or more hex digits holding a digit; ends where the word ends. */
    private static int hex(String s, int i) {
        if (!isWordStart(s, i)) {
            return i;
        }
        int start = i;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            start = i + 2;
        }
        int j = start;
        boolean digit = false;
        while (j < s.length() && isHex(s.charAt(j))) {
            digit |= Character.isDigit(s.charAt(j));
            j++;
        }
        if (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            return i;
        }
        return start > i ? (j > start ? j : i) : (j - start >= 8 && digit ? j : i);
    }

    /** Digits with any decimals: {@code 42}, {@code 3.14}, {@code 10.0.0.1}, {@code 1,000}. */
    private static int number(String s, int i) {
        if (!Character.isDigit(s.charAt(i))) {
            return i;
        }
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Character.isDigit(c)) {
                j++;
            } else if ((c == '.' || c == ',' || c == '_') && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
