package dev.vigil.metrics.promql.parser;

/**
 * Reads the durations of ranges, subqueries and offsets. A duration is a number of seconds or a duration
 * such as {@code 1h30m}, with an optional sign. Prometheus can also compute durations ({@code [5m+1m]},
 * {@code step()}) behind a feature flag that is off by default; those are reported as not enabled.
 *
 * <p>Not thread-safe; one instance reads one expression.
 */
final class Durations {

    static final String NOT_ENABLED = "experimental duration expression is not enabled";

    /**
     * A duration as written.
     *
     * @param seconds the value
     * @param start where it starts, its sign included
     * @param end where it ends
     */
    record Literal(double seconds, int start, int end) {}

    private final TokenStream tokens;

    Durations(TokenStream tokens) {
        this.tokens = tokens;
    }

    /**
     * Reads a duration inside brackets and leaves the token after it current.
     *
     * @param context what is being read, for the error when no duration is there
     * @param expected what would have fitted, for that error
     */
    Literal read(String context, String expected) throws PromqlParseException {
        int start = tokens.start();
        boolean negative = false;
        boolean signed = false;
        TokenType type = tokens.type();
        while (type == TokenType.ADD || type == TokenType.SUB) {
            negative ^= type == TokenType.SUB;
            signed = true;
            tokens.advance();
            type = tokens.type();
        }
        if (type != TokenType.NUMBER && type != TokenType.DURATION) {
            if (startsExpression(type)) {
                throw tokens.error(signed ? start : tokens.start(), tokens.end(), NOT_ENABLED);
            }
            throw tokens.unexpected(context, expected);
        }
        int literalStart = tokens.start();
        int end = tokens.end();
        double seconds = tokens.numberValue();
        if (Math.abs(seconds) > Literals.MAX_DURATION_SECONDS) {
            throw tokens.error(literalStart, end, "duration out of range");
        }
        tokens.advance();
        if (isArithmetic(tokens.type())) {
            throw tokens.error(signed ? start : literalStart, end, NOT_ENABLED);
        }
        return new Literal(negative ? -seconds : seconds, signed ? start : literalStart, end);
    }

    /** Ranges and steps must be longer than zero. */
    void requirePositive(Literal literal) throws PromqlParseException {
        if (literal.seconds() <= 0) {
            throw tokens.error(literal.start(), literal.end(), "duration must be greater than 0");
        }
    }

    /** Whether a token starts one of the computed durations Prometheus has behind its feature flag. */
    static boolean startsExpression(TokenType type) {
        return switch (type) {
            case STEP, RANGE, MIN, MAX, LEFT_PAREN -> true;
            default -> false;
        };
    }

    private static boolean isArithmetic(TokenType type) {
        return switch (type) {
            case ADD, SUB, MUL, DIV, MOD, POW -> true;
            default -> false;
        };
    }
}
