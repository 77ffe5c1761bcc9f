package dev.vigil.logging.logql;

/**
 * A parsed LogQL query: a {@link LogSelectorExpr log query}, whose result is log lines, or a {@link SampleExpr metric
 * query}, whose result is numbers. {@link #toString()} writes the query back as LogQL. Immutable.
 */
public sealed interface Expr permits LogSelectorExpr, SampleExpr {
}
