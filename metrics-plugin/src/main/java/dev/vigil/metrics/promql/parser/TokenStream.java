package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.text.GoStrings;

/**
 * The parser's view of the tokens: the current one, moving on, and the errors in Prometheus's words. A
 * lexing error is raised when the parser first looks at the token it stands for, never earlier, so that an
 * error in what was read before it wins, as in Prometheus.
 *
 * <p>Not thread-safe; one instance reads one expression.
 */
final class TokenStream {

    private final String input;
    private final Lexer lexer;

    TokenStream(String input) {
        this.input = input;
        this.lexer = new Lexer(input);
        lexer.next();
    }

    /** The expression text. */
    String input() {
        return input;
    }

    /**
     * The kind of the current token.
     *
     * @throws PromqlParseException if the lexer could not read it
     */
    TokenType type() throws PromqlParseException {
        TokenType type = lexer.type();
        if (type == TokenType.ERROR) {
            throw error(lexer.tokenStart(), lexer.tokenEnd(), lexer.errorMessage());
        }
        return type;
    }

    /** Whether the current token is of the kind. */
    boolean is(TokenType expected) throws PromqlParseException {
        return type() == expected;
    }

    /** Where the current token starts. */
    int start() {
        return lexer.tokenStart();
    }

    /** Where the current token ends. */
    int end() {
        return lexer.tokenEnd();
    }

    /** The text of the current token. */
    String text() {
        return input.substring(lexer.tokenStart(), lexer.tokenEnd());
    }

    /**
     * The value in seconds of the current token, a number or a duration such as {@code 1h30m}.
     *
     * @throws PromqlParseException if Prometheus could not read it either
     */
    double numberValue() throws PromqlParseException {
        boolean number = type() == TokenType.NUMBER;
        String text = text();
        try {
            return number ? Literals.number(text) : Literals.nanosToSeconds(Literals.durationNanos(text));
        } catch (IllegalArgumentException e) {
            throw error(start(), end(), number ? "error parsing number: " + e.getMessage()
                    : String.valueOf(e.getMessage()));
        }
    }

    /** Moves to the next token. */
    void advance() {
        lexer.next();
    }

    /**
     * The error for a token that does not fit where it is, such as
     * {@code unexpected identifier "foo" in label matching, expected "," or "}"}.
     *
     * @param context what was being read, or empty
     * @param expected what would have fitted, or empty
     */
    PromqlParseException unexpected(String context, String expected) throws PromqlParseException {
        StringBuilder message = new StringBuilder("unexpected ").append(describe(type()));
        if (!context.isEmpty()) {
            message.append(" in ").append(context);
        }
        if (!expected.isEmpty()) {
            message.append(", expected ").append(expected);
        }
        return error(start(), end(), message.toString());
    }

    /** An error at a place in the text. */
    PromqlParseException error(int start, int end, String message) {
        return ParseErrors.at(input, start, end, message);
    }

    /** An error about a node. */
    PromqlParseException error(PositionRange position, String message) {
        return ParseErrors.at(input, position.start(), position.end(), message);
    }

    private String describe(TokenType type) {
        String text = text();
        return switch (type.kind()) {
            case END -> "end of input";
            case NAMED -> type == TokenType.IDENTIFIER || type == TokenType.METRIC_IDENTIFIER
                    ? (type == TokenType.IDENTIFIER ? "identifier " : "metric identifier ") + GoStrings.quote(text)
                    : describeNamed(type) + " " + shortQuote(text);
            case PUNCTUATION -> shortQuote(text);
            case OPERATOR -> "<op:" + text + ">";
            case AGGREGATOR -> "<aggr:" + text + ">";
            case KEYWORD -> "<" + text + ">";
        };
    }

    private static String describeNamed(TokenType type) {
        return switch (type) {
            case NUMBER -> "number";
            case DURATION -> "duration";
            default -> "string";
        };
    }

    /** Prometheus quotes a token's text, cut to ten characters when it is longer than ten bytes. */
    private static String shortQuote(String text) {
        if (text.length() > 10 || utf8Length(text) > 10) {
            return GoStrings.quotePrefix(text, 10) + "...";
        }
        return GoStrings.quote(text);
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
