package dev.vigil.logging.logql;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tokens of a query with one token of lookahead, and the syntax errors Loki reports:
 * {@code syntax error: unexpected X}, followed by {@code , expecting A or B} when at most four tokens could have come
 * there, listed in the grammar's order. Not thread-safe.
 */
final class TokenStream {

    private final Lexer lexer;
    private Token current;

    TokenStream(String input) {
        this.lexer = new Lexer(input);
        this.current = lexer.next();
    }

    /** The next token, not consumed. */
    Token peek() {
        return current;
    }

    /** The kind of the next token. */
    TokenKind kind() {
        return current.kind();
    }

    /** Whether the next token is of one of {@code kinds}. */
    boolean at(TokenKind... kinds) {
        for (TokenKind kind : kinds) {
            if (current.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Consumes the next token. */
    Token next() {
        Token token = current;
        if (token.kind() != TokenKind.EOF) {
            current = lexer.next();
        }
        return token;
    }

    /** Consumes the next token if it is of {@code kind}. */
    boolean accept(TokenKind kind) {
        if (current.kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    /**
     * Consumes the next token, which must be of one of {@code kinds}.
     *
     * @throws LogqlParseException {@code syntax error: unexpected X, expecting ...} otherwise
     */
    Token expect(TokenKind... kinds) {
        if (!at(kinds)) {
            throw unexpected(kinds);
        }
        return next();
    }

    /**
     * The error for the next token where one of {@code expected} should have been; with no or more than four
     * expected kinds the message lists none, as Loki's parser does.
     */
    LogqlParseException unexpected(TokenKind... expected) {
        String reason = "syntax error: unexpected " + current.kind().display();
        if (expected.length > 0 && expected.length <= 4) {
            reason += ", expecting " + Arrays.stream(expected).sorted().map(TokenKind::display).collect(Collectors.joining(" or "));
        }
        return new LogqlParseException(reason, current.line(), current.column());
    }
}
