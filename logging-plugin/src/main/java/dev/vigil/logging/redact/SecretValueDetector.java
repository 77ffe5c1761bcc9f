package dev.vigil.logging.redact;

/**
 * Values of keys that name a secret (see {@link SecretKeys}), in the forms logs write them: {@code key=value},
 * {@code key: value}, {@code "key": "value"} and the same escaped inside a JSON string, {@code <key>value</key>}, and
 * SQL's {@code PASSWORD 'value'} and {@code IDENTIFIED BY 'value'}. The key and the quotes stay; a JSON number or an
 * authorization value's scheme ({@code Authorization: Digest [token]}) stays readable too. Only separators are looked
 * at ({@code = : > '}), then the word before them, and only a word that passes {@link SecretKeys#mayBeSecret} is
 * classified; the search resumes after a masked value, so the text is read a bounded number of times.
 */
final class SecretValueDetector implements Detector {

    private static final int MAX_KEY = 128;
    private static final int MAX_SPACES = 4;

    private final String secret;
    private final String quotedSecret;
    private final String token;

    SecretValueDetector(String secret, String token) {
        this.secret = secret;
        this.quotedSecret = '"' + secret + '"';
        this.token = token;
    }

    @Override
    public void find(String text, Matches out) {
        // jump from separator to separator: String.indexOf is much faster than looking at every character
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        int angle = text.indexOf('>');
        int quote = text.indexOf('\'');
        int done = 0;
        while (true) {
            int p = min(equals, colon, angle, quote);
            if (p < 0) {
                return;
            }
            if (p >= done) {
                char c = text.charAt(p);
                int next = c == '>' ? xml(text, p, out) : c == '\'' ? sql(text, p, out) : keyValue(text, p, out);
                done = Math.max(next, p + 1);
            }
            if (equals >= 0 && equals < done) {
                equals = text.indexOf('=', done);
            }
            if (colon >= 0 && colon < done) {
                colon = text.indexOf(':', done);
            }
            if (angle >= 0 && angle < done) {
                angle = text.indexOf('>', done);
            }
            if (quote >= 0 && quote < done) {
                quote = text.indexOf('\'', done);
            }
        }
    }

    /** The least of the positions that are not -1, or -1. */
    private static int min(int a, int b, int c, int d) {
        return min(min(a, b), min(c, d));
    }

    private static int min(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /** {@code key=value} or {@code key: value} with the separator at {@code p}; returns where to go on. */
    private int keyValue(String text, int p, Matches out) {
        int n = text.length();
        char separator = text.charAt(p);
        if (p + 1 < n && (text.charAt(p + 1) == separator || separator == ':' && text.charAt(p + 1) == '/')) {
            return p + 2; // ==, ::, ://
        }
        if (separator == ':' && p > 0 && p + 1 < n && Chars.isDigit(text.charAt(p - 1)) && Chars.isDigit(text.charAt(p + 1))) {
            return p + 2; // a time of day or a port
        }
        int keyEnd = p;
        while (keyEnd > 0 && p - keyEnd < MAX_SPACES && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        char keyQuote = 0;
        if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
            keyQuote = text.charAt(keyEnd - 1);
            keyEnd--;
            if (keyEnd > 0 && text.charAt(keyEnd - 1) == '\\') {
                keyEnd--;
            }
        }
        // the key's ending decides most keys before the key itself is looked for
        if (!SecretKeys.mayEndSecret(text, Math.max(0, keyEnd - MAX_KEY), keyEnd)) {
            return p + 1;
        }
        int keyStart = keyStart(text, keyEnd, false);
        if (keyStart < 0 || !SecretKeys.mayBeSecret(text, keyStart, keyEnd)) {
            return p + 1;
        }
        String key = text.substring(keyStart, keyEnd);
        if (!SecretKeys.isSecret(key)) {
            return p + 1;
        }
        boolean header = separator == ':' && keyQuote == 0 && SecretKeys.isHeader(key);
        // a header quoted whole, as in curl -H 'Cookie: a=1; b=2', ends at the closing quote
        char headerQuote = header && keyStart > 0 && (text.charAt(keyStart - 1) == '\'' || text.charAt(keyStart - 1) == '"')
                ? text.charAt(keyStart - 1) : 0;
        return value(text, p + 1, keyQuote == '"', header, headerQuote, SecretKeys.isAuthorization(key), out);
    }

    /** Where the key ending at {@code end} starts, or -1 when there is no key or it is too long. */
    private static int keyStart(String text, int end, boolean xml) {
        int start = end;
        while (start > 0 && end - start <= MAX_KEY && isKeyChar(text.charAt(start - 1), xml)) {
            start--;
        }
        if (start == end || end - start > MAX_KEY) {
            return -1;
        }
        return start;
    }

    private static boolean isKeyChar(char c, boolean xml) {
        return Chars.isAlnum(c) || c == '_' || c == '-' || c == '.' || xml && c == ':';
    }

    /**
     * Masks the value starting after the separator at {@code from}; returns where it ends.
     *
     * @param jsonKey whether the key was double-quoted, so that an unquoted value is a JSON number to keep quoted
     * @param header whether an unquoted value runs to the end of the line
     * @param headerQuote the quote around the whole header, which ends the value first, or 0
     * @param authorization whether a leading scheme word stays readable
     */
    private int value(String text, int from, boolean jsonKey, boolean header, char headerQuote, boolean authorization,
            Matches out) {
        int n = text.length();
        int v = from;
        while (v < n && v - from < MAX_SPACES && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
            v++;
        }
        if (v >= n) {
            return v;
        }
        char first = text.charAt(v);
        int start;
        int end;
        boolean quoted = true;
        if (first == '\\' && v + 1 < n && text.charAt(v + 1) == '"') {
            start = v + 2;
            int close = text.indexOf("\\\"", start);
            end = close < 0 ? Chars.lineEnd(text, start) : close;
        } else if (first == '"' || first == '\'') {
            start = v + 1;
            end = closingQuote(text, start, first);
        } else if (first == '[' || first == '{' || first == '(' || first == '<' || first == '\n' || first == '\r') {
            return v;
        } else {
            quoted = false;
            start = v;
            if (!header) {
                end = unquotedEnd(text, start);
            } else {
                end = trimEnd(text, start, headerQuote == 0 ? Chars.lineEnd(text, start) : closingQuote(text, start, headerQuote));
            }
        }
        if (end <= start) {
            return Math.max(end, v);
        }
        String replacement = secret;
        if (authorization) {
            int afterScheme = afterScheme(text, start, end);
            if (afterScheme > start) {
                start = afterScheme;
                replacement = token;
            }
        } else if (jsonKey && !quoted) {
            replacement = quotedSecret;
        }
        if (!isLeftAlone(text, start, end, quoted)) {
            out.add(start, end, replacement);
        }
        return end;
    }

    /** The end of a value in quotes opened before {@code start}: the unescaped closing quote, else the line's end. */
    private static int closingQuote(String text, int start, char quote) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote || c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static int unquotedEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !endsUnquoted(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsUnquoted(char c) {
        return c <= ' ' || c == ',' || c == ';' || c == '&' || c == ')' || c == ']' || c == '}' || c == '>' || c == '<'
                || c == '"' || c == '\'' || c == '\\';
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /**
     * Values that hold nothing: booleans and null unquoted, a mask already applied (by this redactor, or as
     * {@code ***}, {@code ██}, {@code ••••}, {@code xxxx}, {@code redacted}, {@code hidden}), a configuration
     * placeholder such as <code>${DB_PASSWORD}</code>.
     */
    private static boolean isLeftAlone(String text, int start, int end, boolean quoted) {
        int length = end - start;
        if (!quoted && (length == 4 && (text.regionMatches(true, start, "true", 0, 4) || text.regionMatches(true, start, "null", 0, 4))
                || length == 5 && text.regionMatches(true, start, "false", 0, 5))) {
            return true;
        }
        if (text.charAt(start) == '[' || text.startsWith("${", start)) {
            return true; // masked already, or a placeholder of a configuration template
        }
        if (length <= 10 && (text.regionMatches(true, start, "redacted", 0, length) && length == 8
                || text.regionMatches(true, start, "hidden", 0, length) && length == 6
                || text.regionMatches(true, start, "masked", 0, length) && length == 6)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '*' && c != '\u2588' && c != '\u2022' && c != 'x' && c != 'X') {
                return false;
            }
        }
        return length > 1; // masked by someone else already: ***, ██, ••••, xxxx
    }

    /** After a leading scheme word and its spaces ({@code Digest }, {@code Bearer }), or {@code start} when none. */
    private static int afterScheme(String text, int start, int end) {
        int i = start;
        while (i < end && (Chars.isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
            i++;
        }
        if (i == start || i >= end || text.charAt(i) != ' ') {
            return start;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i < end ? i : start;
    }

    /** {@code <key>value</key>} with the {@code >} at {@code p}. */
    private int xml(String text, int p, Matches out) {
        if (!SecretKeys.mayEndSecret(text, Math.max(0, p - MAX_KEY), p)) {
            return p + 1;
        }
        int keyStart = keyStart(text, p, true);
        if (keyStart < 1 || text.charAt(keyStart - 1) != '<' || !SecretKeys.mayBeSecret(text, keyStart, p)) {
            return p + 1;
        }
        String key = text.substring(keyStart, p);
        int colon = key.lastIndexOf(':');
        if (!SecretKeys.isSecret(colon < 0 ? key : key.substring(colon + 1))) {
            return p + 1;
        }
        int end = text.indexOf('<', p + 1);
        if (end < 0) {
            end = Chars.lineEnd(text, p + 1);
        }
        if (end > p + 1) {
            out.add(p + 1, end, secret);
        }
        return Math.max(end, p + 1);
    }

    /** SQL's {@code PASSWORD 'value'} and {@code IDENTIFIED BY 'value'}, with the opening quote at {@code q}. */
    private int sql(String text, int q, Matches out) {
        int wordEnd = q;
        while (wordEnd > 0 && text.charAt(wordEnd - 1) == ' ') {
            wordEnd--;
        }
        if (wordEnd == q) {
            return q + 1;
        }
        int wordStart = wordEnd;
        while (wordStart > 0 && Chars.isAsciiLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        boolean password = wordEnd - wordStart == 8 && text.regionMatches(true, wordStart, "password", 0, 8);
        boolean identifiedBy = wordEnd - wordStart == 2 && text.regionMatches(true, wordStart, "by", 0, 2)
                && wordStart >= 11 && text.regionMatches(true, wordStart - 11, "identified ", 0, 11);
        if (!password && !identifiedBy) {
            return q + 1;
        }
        int end = q + 1;
        while (end < text.length() && text.charAt(end) != '\'' && text.charAt(end) != '\n') {
            end++;
        }
        if (end > q + 1) {
            out.add(q + 1, end, secret);
        }
        return end + 1;
    }
}
