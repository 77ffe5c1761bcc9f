package dev.vigil.metrics.promql.engine;

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
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether an expression has the same value at every step: every selector and subquery in it is pinned with
 * {@code @}, and no function in it reads the evaluation time. Such an expression is evaluated once and its
 * value repeated.
 */
final class StepInvariance {

    /** Functions whose value depends on the evaluation time even when their arguments do not. */
    private static final Set<String> TIME_DEPENDENT = Set.of("days_in_month", "day_of_month", "day_of_week",
            "day_of_year", "hour", "minute", "month", "year", "predict_linear", "time", "timestamp");

    private final Map<Expr, Boolean> known = new IdentityHashMap<>();

    boolean test(Expr expr) {
        Boolean k = known.get(expr);
        if (k == null) {
            k = compute(expr);
            known.put(expr, k);
        }
        return k;
    }

    private boolean compute(Expr expr) {
        if (expr instanceof NumberLiteral || expr instanceof StringLiteral) {
            return true;
        }
        if (expr instanceof VectorSelector vs) {
            return vs.at() != null;
        }
        if (expr instanceof MatrixSelector ms) {
            return ms.selector().at() != null;
        }
        if (expr instanceof SubqueryExpr sq) {
            return sq.at() != null;
        }
        if (expr instanceof ParenExpr p) {
            return test(p.expr());
        }
        if (expr instanceof UnaryExpr u) {
            return test(u.expr());
        }
        if (expr instanceof BinaryExpr b) {
            return test(b.lhs()) && test(b.rhs());
        }
        if (expr instanceof AggregateExpr a) {
            return test(a.expr()) && (a.param() == null || test(a.param()));
        }
        if (expr instanceof Call c) {
            if (TIME_DEPENDENT.contains(c.function().name())) {
                return false;
            }
            for (Expr arg : c.args()) {
                if (!test(arg)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
