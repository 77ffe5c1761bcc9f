package dev.vigil.logging.redact;

/** Character classes the detectors share. */
final class Chars {

    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    /** A letter or digit in any script. */
    static boolean isAlnum(char c) {
        return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
    }

    /** A character of a word: a letter, a digit or an underscore. */
    static boolean isWord(char c) {
        return c == '_' || isAlnum(c);
    }

    /** The end of the line holding {@code from}: the index of the next line break, or the text's length. */
    static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
