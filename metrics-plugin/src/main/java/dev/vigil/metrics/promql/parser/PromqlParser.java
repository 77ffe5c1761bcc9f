package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.ast.Expr;

/** Parses PromQL text into a checked syntax tree. Stateless and thread-safe. */
public final class PromqlParser {

    private PromqlParser() {}

    /**
     * Parses and type-checks {@code expression}.
     *
     * @throws PromqlParseException if it is not valid PromQL
     */
    public static Expr parse(String expression) throws PromqlParseException {
        throw new UnsupportedOperationException("not written yet: " + expression);
    }
}
