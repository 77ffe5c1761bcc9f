package dev.vigil.metrics.promql.parser;

import static java.util.Objects.requireNonNull;

import dev.vigil.metrics.promql.ast.PositionRange;

/**
 * An expression that does not parse or does not type-check. The message is Prometheus's form, with the
 * line and column first: {@code 1:14: parse error: unexpected right parenthesis ')'}.
 */
public final class PromqlParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final PositionRange position;

    /** A failure at {@code position}; {@code message} is the whole user-facing text. */
    public PromqlParseException(String message, PositionRange position) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.position = requireNonNull(position, "position is null");
    }

    /** Where in the expression the problem is. */
    public PositionRange position() {
        return position;
    }
}
