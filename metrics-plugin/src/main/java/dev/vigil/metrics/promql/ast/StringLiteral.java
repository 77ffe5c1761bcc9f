package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

/** A string, with its escapes already resolved. */
public record StringLiteral(String value, PositionRange position) implements Expr {

    /** Checks the value. */
    public StringLiteral {
        requireNonNull(value, "value is null");
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
