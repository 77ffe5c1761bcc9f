package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.FunctionSignature;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import dev.vigil.metrics.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds syntax trees by hand for evaluator tests, positions all at the start. */
final class Exprs {

    static final PositionRange POS = new PositionRange(0, 0);

    private Exprs() {}

    static VectorSelector sel(String name, LabelMatcher... matchers) {
        return sel(name, 0, null, matchers);
    }

    static VectorSelector sel(@Nullable String name, long offset, @Nullable At at, LabelMatcher... matchers) {
        List<LabelMatcher> all = new ArrayList<>();
        if (name != null) {
            all.add(LabelMatcher.metricName(name));
        }
        all.addAll(List.of(matchers));
        return new VectorSelector(name, all, offset, at, POS);
    }

    static MatrixSelector range(VectorSelector selector, long rangeMillis) {
        return new MatrixSelector(selector, rangeMillis, POS);
    }

    static SubqueryExpr subquery(Expr expr, long range, long step) {
        return new SubqueryExpr(expr, range, step, 0, null, POS);
    }

    static NumberLiteral num(double v) {
        return new NumberLiteral(v, POS);
    }

    static StringLiteral str(String s) {
        return new StringLiteral(s, POS);
    }

    static ParenExpr paren(Expr e) {
        return new ParenExpr(e, POS);
    }

    static UnaryExpr neg(Expr e) {
        return new UnaryExpr(true, e, POS);
    }

    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs) {
        return bin(op, lhs, rhs, false);
    }

    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool) {
        VectorMatching matching = null;
        if (lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR) {
            matching = new VectorMatching(op.isSetOperator() ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE,
                    List.of(), false, List.of());
        }
        return new BinaryExpr(op, lhs, rhs, matching, returnBool, POS);
    }

    static BinaryExpr bin(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool) {
        return new BinaryExpr(op, lhs, rhs, matching, returnBool, POS);
    }

    static VectorMatching on(Cardinality card, List<String> labels, String... include) {
        return new VectorMatching(card, labels, true, List.of(include));
    }

    static VectorMatching ignoring(Cardinality card, List<String> labels, String... include) {
        return new VectorMatching(card, labels, false, List.of(include));
    }

    static AggregateExpr agg(AggregateOp op, Expr expr, String... by) {
        return new AggregateExpr(op, expr, null, List.of(by), false, POS);
    }

    static AggregateExpr aggWithout(AggregateOp op, Expr expr, String... without) {
        return new AggregateExpr(op, expr, null, List.of(without), true, POS);
    }

    static AggregateExpr aggParam(AggregateOp op, Expr param, Expr expr, String... by) {
        return new AggregateExpr(op, expr, param, List.of(by), false, POS);
    }

    static Call call(String name, Expr... args) {
        FunctionSignature f = FunctionSignature.lookup(name).orElseThrow();
        return new Call(f, List.of(args), POS);
    }
}
