package dev.vigil.metrics.promql.parser;

/**
 * A position in the expression text that reads one character (code point) at a time and can step back one,
 * the primitives the lexer is written in. Not thread-safe.
 */
final class CharCursor {

    /** What {@link #read} and {@link #peek} return at the end of the text. */
    static final int END = -1;

    private final String input;
    private final int length;
    private int pos;
    private int width;

    CharCursor(String input) {
        this.input = input;
        this.length = input.length();
    }

    /** The offset of the next character. */
    int pos() {
        return pos;
    }

    /** The text from {@code start} to the current position. */
    String textFrom(int start) {
        return input.substring(start, pos);
    }

    /** Consumes and returns the next character, or {@link #END}. */
    int read() {
        if (pos >= length) {
            width = 0;
            return END;
        }
        int cp = input.codePointAt(pos);
        width = Character.charCount(cp);
        pos += width;
        return cp;
    }

    /** The next character, or {@link #END}, without consuming it. */
    int peek() {
        return pos >= length ? END : input.codePointAt(pos);
    }

    /** Steps back over the character the last {@link #read} returned. */
    void backup() {
        pos -= width;
    }

    /** Consumes the next character if it is {@code c}. */
    boolean accept(char c) {
        if (peek() == c) {
            read();
            return true;
        }
        return false;
    }

    /** Consumes a comment, {@code #} to the end of the line, if one starts here. */
    boolean skipComment() {
        if (pos >= length || input.charAt(pos) != '#') {
            return false;
        }
        while (pos < length && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
            pos++;
        }
        return true;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\r';
    }

    static boolean isDigit(int r) {
        return r >= '0' && r <= '9';
    }

    /** A letter of a name: ASCII letters and the underscore, as in Prometheus. */
    static boolean isAlpha(int r) {
        return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    }

    static boolean isAlphaNumeric(int r) {
        return isAlpha(r) || isDigit(r);
    }
}
