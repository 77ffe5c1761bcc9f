/**
 * The PromQL parser: {@link dev.vigil.metrics.promql.parser.PromqlParser#parse} turns query text into the
 * syntax tree of {@code dev.vigil.metrics.promql.ast}, checked for types, with Prometheus 3's grammar and
 * error messages. A hand-written lexer ({@code Lexer}) feeds a recursive descent parser ({@code ExprParser},
 * {@code SelectorParser}); {@code TypeChecker} then makes the checks Prometheus makes after parsing.
 */
@NullMarked
package dev.vigil.metrics.promql.parser;

import org.jspecify.annotations.NullMarked;
