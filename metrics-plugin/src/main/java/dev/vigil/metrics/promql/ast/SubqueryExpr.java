package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A subquery such as {@code rate(x[5m])[1h:1m] offset 10m}.
 *
 * @param expr the inner expression, an instant vector or a scalar
 * @param range the range in milliseconds
 * @param step the resolution in milliseconds, or 0 for the default evaluation interval
 * @param offset the offset in milliseconds; 0 when none
 * @param at the {@code @} modifier, or null when none
 * @param position where it is in the text
 */
public record SubqueryExpr(Expr expr, long range, long step, long offset, @Nullable At at, PositionRange position)
        implements Expr {

    /** Checks the parts. */
    public SubqueryExpr {
        requireNonNull(expr, "expr is null");
        requireNonNull(position, "position is null");
    }

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }
}
