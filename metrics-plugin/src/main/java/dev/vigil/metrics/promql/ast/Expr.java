package dev.vigil.metrics.promql.ast;

/** A node of a parsed PromQL expression. Nodes are immutable. */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, SubqueryExpr, ParenExpr, UnaryExpr,
                BinaryExpr, AggregateExpr, Call {

    /** The type of value the node evaluates to. */
    ValueType type();

    /** Where the node is in the text. */
    PositionRange position();
}
