package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

/** An expression in parentheses. */
public record ParenExpr(Expr expr, PositionRange position) implements Expr {

    /** Checks the parts. */
    public ParenExpr {
        requireNonNull(expr, "expr is null");
    }

    @Override
    public ValueType type() {
        return expr.type();
    }
}
