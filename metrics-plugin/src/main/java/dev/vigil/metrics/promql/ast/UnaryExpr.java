package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

/**
 * A sign before an expression: {@code -x} or {@code +x}.
 *
 * @param negate true for {@code -}
 * @param expr the operand, a scalar or an instant vector
 * @param position where it is in the text
 */
public record UnaryExpr(boolean negate, Expr expr, PositionRange position) implements Expr {

    /** Checks the parts. */
    public UnaryExpr {
        requireNonNull(expr, "expr is null");
    }

    @Override
    public ValueType type() {
        return expr.type();
    }
}
