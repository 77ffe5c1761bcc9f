package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorSelector;

/**
 * The time span of samples a query reads, over all its selectors once offsets, {@code @}, ranges, lookback
 * and subqueries are taken into account, so that one store view serves the whole query.
 */
final class QueryBounds {

    private final QueryTimes times;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    private QueryBounds(QueryTimes times) {
        this.times = times;
    }

    /** {@code {min, max}} of the samples {@code expr} reads, or null when it reads none. */
    static long[] of(Expr expr, QueryTimes times) {
        QueryBounds bounds = new QueryBounds(times);
        bounds.visit(expr, times.start(), times.end());
        return bounds.max == Long.MIN_VALUE ? null : new long[] {bounds.min, bounds.max};
    }

    private void visit(Expr expr, long first, long last) {
        if (expr instanceof VectorSelector vs) {
            long lo = times.reference(vs.at(), vs.offset(), first);
            long hi = times.reference(vs.at(), vs.offset(), last);
            include(lo - times.lookback() + 1, hi);
        } else if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            long lo = times.reference(vs.at(), vs.offset(), first);
            long hi = times.reference(vs.at(), vs.offset(), last);
            include(lo - ms.range() + 1, hi);
        } else if (expr instanceof SubqueryExpr sq) {
            long lo = times.reference(sq.at(), sq.offset(), first);
            long hi = times.reference(sq.at(), sq.offset(), last);
            Grid inner = QueryTimes.subqueryGrid(lo, hi, sq.range(), times.subqueryStep(sq.step()));
            if (inner.count() > 0) {
                visit(sq.expr(), inner.start(), inner.end());
            }
        } else if (expr instanceof ParenExpr p) {
            visit(p.expr(), first, last);
        } else if (expr instanceof UnaryExpr u) {
            visit(u.expr(), first, last);
        } else if (expr instanceof BinaryExpr b) {
            visit(b.lhs(), first, last);
            visit(b.rhs(), first, last);
        } else if (expr instanceof AggregateExpr a) {
            visit(a.expr(), first, last);
            if (a.param() != null) {
                visit(a.param(), first, last);
            }
        } else if (expr instanceof Call c) {
            for (Expr arg : c.args()) {
                visit(arg, first, last);
            }
        }
    }

    private void include(long lo, long hi) {
        min = Math.min(min, lo);
        max = Math.max(max, hi);
    }
}
