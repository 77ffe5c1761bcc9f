package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

/**
 * One token of a LogQL query.
 *
 * @param kind what it is
 * @param text the text as written; for a string, its value without quotes and escapes
 * @param nanos the value of a {@link TokenKind#DURATION} or {@link TokenKind#RANGE} in nanoseconds, or of a
 *     {@link TokenKind#BYTES} in bytes; 0 otherwise
 * @param line the line Loki reports an error at: 1 and up, or 0 after a token the lexer finished by reading ahead
 *     (two-character operators, durations, ranges), as Loki's lexer does
 * @param column the column of its first character, from 1
 */
record Token(TokenKind kind, String text, long nanos, int line, int column) {

    Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }
}
