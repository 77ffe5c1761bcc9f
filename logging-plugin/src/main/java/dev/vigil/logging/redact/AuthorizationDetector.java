package dev.vigil.logging.redact;

import java.util.Base64;

/**
 * HTTP authorization credentials after the words {@code Bearer} and {@code Basic} (in any of the usual cases). The
 * scheme stays readable: {@code Bearer [token]}. A bearer token is at least 8 characters with a digit, or at least
 * 20; basic credentials must be base64 of {@code user:password}. So prose such as "Bearer authentication failed" or
 * "Basic auth is disabled" is left alone.
 */
final class AuthorizationDetector implements Detector {

    private static final int MAX_SPACES = 4;

    private final String token;
    private final String credentials;

    AuthorizationDetector(String token, String credentials) {
        this.token = token;
        this.credentials = credentials;
    }

    @Override
    public void find(String text, Matches out) {
        scan(text, "earer", true, out);
        scan(text, "EARER", true, out);
        scan(text, "asic", false, out);
        scan(text, "ASIC", false, out);
    }

    /** Tries every occurrence of the scheme's name after its first letter. */
    private void scan(String text, String rest, boolean bearer, Matches out) {
        int p = text.indexOf(rest, 1);
        while (p >= 0) {
            int next = p + rest.length();
            char first = text.charAt(p - 1);
            if ((first == 'B' || first == 'b') && (p == 1 || !Chars.isWord(text.charAt(p - 2)))) {
                int end = credential(text, next, bearer, out);
                next = Math.max(next, end);
            }
            p = text.indexOf(rest, next);
        }
    }

    /** Masks the credential after the scheme ending at {@code from}, if there is one; returns where it ends. */
    private int credential(String text, int from, boolean bearer, Matches out) {
        int n = text.length();
        int start = from;
        while (start < n && start - from < MAX_SPACES && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        if (start == from) {
            return from;
        }
        int end = start;
        boolean digit = false;
        while (end < n && isToken68(text.charAt(end))) {
            digit |= Chars.isDigit(text.charAt(end));
            end++;
        }
        while (end < n && text.charAt(end) == '=') {
            end++;
        }
        int length = end - start;
        if (end < n && Chars.isWord(text.charAt(end))) {
            return end;
        }
        if (bearer ? length >= 20 || length >= 8 && digit : isBasicCredentials(text, start, end)) {
            out.add(start, end, bearer ? token : credentials);
        }
        return end;
    }

    /** The characters of RFC 7235's token68, without the trailing padding. */
    private static boolean isToken68(char c) {
        return Chars.isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** Whether {@code text[start, end)} is base64 of text holding a colon, as {@code user:password} is. */
    static boolean isBasicCredentials(String text, int start, int end) {
        int length = end - start;
        if (length < 4 || length > 4096) {
            return false;
        }
        StringBuilder padded = new StringBuilder(length + 3).append(text, start, end);
        while (padded.length() % 4 != 0) {
            padded.append('=');
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(padded.toString());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        for (byte b : decoded) {
            if (b == ':') {
                return true;
            }
        }
        return false;
    }
}
