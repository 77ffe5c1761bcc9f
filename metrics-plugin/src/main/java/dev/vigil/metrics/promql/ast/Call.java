package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A function call, its arguments already checked against the function's signature. */
public record Call(FunctionSignature function, List<Expr> args, PositionRange position) implements Expr {

    /** Checks and copies. */
    public Call {
        requireNonNull(function, "function is null");
        args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }
}
