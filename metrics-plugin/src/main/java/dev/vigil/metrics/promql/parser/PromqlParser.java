package dev.vigil.metrics.promql.parser;

import static java.util.Objects.requireNonNull;

import dev.vigil.metrics.promql.ast.Expr;

/**
 * Parses PromQL text into a checked syntax tree. Stateless and thread-safe.
 *
 * <p>The language is Prometheus 3's, and so are the errors: the same checks, made in the same order, with
 * the same words, such as {@code 1:14: parse error: unexpected right parenthesis ')'}. Features Prometheus
 * keeps behind feature flags that are off by default (computed durations such as {@code [5m+1m]}, the
 * {@code anchored} and {@code smoothed} modifiers) are reported as not enabled; the functions and
 * aggregations it calls experimental ({@code limitk}, {@code mad_over_time}, ...) are accepted.
 *
 * <p>Strings are read with Go's escapes. An escape that leaves bytes which are not UTF-8, such as
 * {@code "\xff"}, keeps each such byte {@code b} as the lone surrogate {@code U+DC00 + b}, so that a later
 * check on a label name can reject it and print it as Prometheus does.
 */
public final class PromqlParser {

    private PromqlParser() {}

    /**
     * Parses and type-checks {@code expression}.
     *
     * @throws PromqlParseException if it is not valid PromQL
     */
    public static Expr parse(String expression) throws PromqlParseException {
        requireNonNull(expression, "expression is null");
        try {
            ExprParser parser = new ExprParser(new TokenStream(expression));
            Expr expr = parser.parse();
            new TypeChecker(expression, parser.writtenMatching()).check(expr);
            return expr;
        } catch (StackOverflowError e) {
            // Only a pathologically nested expression gets here; it is the query's fault, not the server's.
            throw ParseErrors.at(expression, 0, expression.length(), "expression is nested too deeply");
        }
    }
}
