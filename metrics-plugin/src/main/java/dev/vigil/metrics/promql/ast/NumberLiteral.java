package dev.vigil.metrics.promql.ast;

/** A number such as {@code 1}, {@code 0x1f}, {@code 1e3}, {@code Inf}, {@code NaN} or a duration {@code 5m} read as seconds. */
public record NumberLiteral(double value, PositionRange position) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
