package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import java.util.Set;

/** The warning Prometheus gives for each sorting function in a range query, whose result is ordered by labels anyway. */
final class SortWarnings {

    private static final Set<String> SORTS = Set.of("sort", "sort_desc", "sort_by_label", "sort_by_label_desc");

    private SortWarnings() {}

    static void add(Expr expr, Annotations annotations) {
        if (expr instanceof Call c) {
            if (SORTS.contains(c.function().name())) {
                annotations.warn("sort is ineffective for range queries since results are always ordered by labels",
                        c.position());
            }
            c.args().forEach(a -> add(a, annotations));
        } else if (expr instanceof ParenExpr p) {
            add(p.expr(), annotations);
        } else if (expr instanceof UnaryExpr u) {
            add(u.expr(), annotations);
        } else if (expr instanceof BinaryExpr b) {
            add(b.lhs(), annotations);
            add(b.rhs(), annotations);
        } else if (expr instanceof AggregateExpr a) {
            add(a.expr(), annotations);
        } else if (expr instanceof SubqueryExpr s) {
            add(s.expr(), annotations);
        }
    }
}
