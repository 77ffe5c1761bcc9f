package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;

/**
 * One lexical item.
 *
 * @param type what it is
 * @param pos where it starts, as an index into the template text
 * @param val its text, or the message of an {@link TokenType#ERROR}
 * @param line the line it starts on, counting from 1
 */
record Token(TokenType type, int pos, String val, int line) {

    /** The item as Go's parse errors quote it: {@code EOF}, {@code <end>}, {@code "foo"}, {@code "0123456789"...}. */
    @Override
    public String toString() {
        if (type == TokenType.EOF) {
            return "EOF";
        }
        if (type == TokenType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoText.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoText.quote(val);
    }
}
