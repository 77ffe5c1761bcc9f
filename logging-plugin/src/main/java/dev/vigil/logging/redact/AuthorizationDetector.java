package dev.vigil.logging.redact;

import java.util.Base64;

/**
 * HTTP authorization credentials after the words {@code Bearer} and {@code Basic} (in any case). The
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
        scan(text, 'B', out);
        scan(text, 'b', out);
    }

    /** Tries every word starting with {@code first}. */
    private void scan(String text, char first, Matches out) {
        int p = text.indexOf(first);
        while (p >= 0) {
            int next = p + 1;
            if (p == 0 || !Chars.isWord(text.charAt(p - 1))) {
                if (text.regionMatches(true, p, "bearer", 0, 6)) {
                    next = Math.max(next, credential(text, p + 6, true, out));
                } else if (text.regionMatches(true, p, "basic", 0, 5)) {
                    next = Math.max(next, credential(text, p + 5, false, out));
                }
            }
            p = text.indexOf(first, next);
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
        int padding = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                padding++;
            } else if (padding > 0 || !(Chars.isAsciiAlnum(c) || c == '+' || c == '/')) {
                return false; // checked here: a decoder refusing it would cost an exception
            }
        }
        int data = length - padding;
        if (padding > 2 || data % 4 == 1 || padding > 0 && length % 4 != 0) {
            return false;
        }
        byte[] decoded = Base64.getDecoder().decode(text.substring(start, start + data) + "==".substring(0, (4 - data % 4) % 4));
        for (byte b : decoded) {
            if (b == ':') {
                return true;
            }
        }
        return false;
    }
}
