package dev.vigil.metrics.query;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.parser.PromqlParseException;
import dev.vigil.metrics.promql.parser.PromqlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads series selectors, the {@code match[]} parameters of the series and label endpoints, with the PromQL
 * parser: each must be a plain selector such as {@code up} or {@code http_requests_total{job=~"api|web"}}, and
 * must have a matcher that does not accept the empty value. Stateless and thread-safe.
 */
final class Selectors {

    private static final String NO_NON_EMPTY_MATCHER = "match[] must contain at least one non-empty matcher";
    private static final String EMPTY_SELECTOR = "vector selector must contain at least one non-empty matcher";

    private Selectors() {}

    /**
     * The matchers of each selector, in order.
     *
     * @throws QueryException {@code bad_data} with the parser's message, or with
     *     {@code match[] must contain at least one non-empty matcher}
     */
    static List<List<LabelMatcher>> parse(List<String> selectors) throws QueryException {
        List<List<LabelMatcher>> sets = new ArrayList<>(selectors.size());
        for (String text : selectors) {
            sets.add(parse(text));
        }
        return sets;
    }

    /** Whether {@code expression} reads at least one series; used to answer exemplar queries as Prometheus does. */
    static boolean selectsSeries(Expr expression) {
        if (expression instanceof VectorSelector || expression instanceof MatrixSelector) {
            return true;
        }
        if (expression instanceof AggregateExpr aggregate) {
            return selectsSeries(aggregate.expr()) || (aggregate.param() != null && selectsSeries(aggregate.param()));
        }
        if (expression instanceof BinaryExpr binary) {
            return selectsSeries(binary.lhs()) || selectsSeries(binary.rhs());
        }
        if (expression instanceof Call call) {
            return call.args().stream().anyMatch(Selectors::selectsSeries);
        }
        if (expression instanceof ParenExpr paren) {
            return selectsSeries(paren.expr());
        }
        if (expression instanceof UnaryExpr unary) {
            return selectsSeries(unary.expr());
        }
        if (expression instanceof SubqueryExpr subquery) {
            return selectsSeries(subquery.expr());
        }
        return false;
    }

    private static List<LabelMatcher> parse(String text) throws QueryException {
        Expr expression;
        try {
            expression = PromqlParser.parse(text);
        } catch (PromqlParseException e) {
            // Prometheus reads match[] with a selector-only grammar that leaves this check to the API, worded so.
            if (e.getMessage().endsWith(EMPTY_SELECTOR)) {
                throw ApiParams.badData(NO_NON_EMPTY_MATCHER);
            }
            throw ApiParams.badData(e.getMessage());
        }
        String where = new Annotations(text).lineColumn(expression.position().start());
        if (!(expression instanceof VectorSelector selector)) {
            throw ApiParams.badData(where + ": parse error: expected a series selector, found " + describe(expression));
        }
        if (selector.offset() != 0 || selector.at() != null) {
            throw ApiParams.badData(where + ": parse error: a series selector takes no offset or @ modifier");
        }
        if (selector.matchers().stream().allMatch(LabelMatcher::matchesEmpty)) {
            throw ApiParams.badData(NO_NON_EMPTY_MATCHER);
        }
        return selector.matchers();
    }

    private static String describe(Expr expression) {
        if (expression instanceof MatrixSelector) {
            return "a range vector selector";
        }
        if (expression instanceof Call call) {
            return "a call of " + call.function().name() + "()";
        }
        if (expression instanceof AggregateExpr) {
            return "an aggregation";
        }
        if (expression instanceof BinaryExpr) {
            return "a binary expression";
        }
        if (expression instanceof NumberLiteral) {
            return "a number";
        }
        if (expression instanceof StringLiteral) {
            return "a string";
        }
        if (expression instanceof SubqueryExpr) {
            return "a subquery";
        }
        return expression instanceof ParenExpr ? "a parenthesized expression" : "a unary expression";
    }
}
