package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A binary operation.
 *
 * @param op the operator
 * @param lhs the left operand
 * @param rhs the right operand
 * @param matching how vectors are matched; null unless both operands are instant vectors
 * @param returnBool whether a comparison has the {@code bool} modifier
 * @param position where it is in the text
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, @Nullable VectorMatching matching, boolean returnBool,
        PositionRange position) implements Expr {

    /** Checks the parts. */
    public BinaryExpr {
        requireNonNull(op, "op is null");
        requireNonNull(lhs, "lhs is null");
        requireNonNull(rhs, "rhs is null");
    }

    /** A vector if either side is one, else a scalar. */
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.VECTOR || rhs.type() == ValueType.VECTOR ? ValueType.VECTOR : ValueType.SCALAR;
    }
}
