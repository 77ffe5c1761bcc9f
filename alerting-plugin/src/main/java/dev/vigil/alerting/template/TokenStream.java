package dev.vigil.alerting.template;

import java.util.List;

/**
 * The tokens of a template as the parser reads them: one at a time, with look-ahead and backing up. It remembers
 * the furthest token read, whose line Go's parse errors report. Not thread-safe.
 */
final class TokenStream {

    private final List<Token> tokens;
    private int position;
    private int furthest;

    /** A stream over {@code tokens}, which end with an EOF or an error. */
    TokenStream(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Consumes the next token. */
    Token next() {
        Token t = at(position);
        furthest = Math.max(furthest, position);
        position++;
        return t;
    }

    /** Puts the last token back. */
    void backup() {
        position--;
    }

    /** The next token, not consumed. */
    Token peek() {
        furthest = Math.max(furthest, position);
        return at(position);
    }

    /** Consumes spaces and the token after them. */
    Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.type() == TokenType.SPACE);
        return t;
    }

    /** Consumes spaces and returns the token after them, not consumed. */
    Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    /** Where the stream is, to {@link #reset} to. */
    int position() {
        return position;
    }

    /** Goes back to {@code mark}. */
    void reset(int mark) {
        position = mark;
    }

    /** The line of the furthest token read, which is where Go reports a parse error. */
    int line() {
        return at(furthest).line();
    }

    private Token at(int index) {
        // Past the end the last token repeats, as the lexer keeps returning EOF.
        return tokens.get(Math.min(index, tokens.size() - 1));
    }
}
