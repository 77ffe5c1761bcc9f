package dev.vigil.metrics.promql.parser;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A tree written out with every binary operation in parentheses, durations in milliseconds and timestamps
 * in milliseconds, so a test can state how an expression grouped in one line.
 */
final class TreeText {

    private TreeText() {}

    static String of(Expr expr) {
        if (expr instanceof NumberLiteral n) {
            return number(n.value());
        }
        if (expr instanceof StringLiteral s) {
            return GoStrings.quote(s.value());
        }
        if (expr instanceof VectorSelector vs) {
            return selector(vs) + modifiers(vs.offset(), vs.at());
        }
        if (expr instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            return selector(vs) + "[" + ms.range() + "ms]" + modifiers(vs.offset(), vs.at());
        }
        if (expr instanceof SubqueryExpr sq) {
            return of(sq.expr()) + "[" + sq.range() + "ms:" + sq.step() + "ms]" + modifiers(sq.offset(), sq.at());
        }
        if (expr instanceof ParenExpr p) {
            return "paren(" + of(p.expr()) + ")";
        }
        if (expr instanceof UnaryExpr u) {
            return (u.negate() ? "-" : "+") + of(u.expr());
        }
        if (expr instanceof BinaryExpr b) {
            return "(" + of(b.lhs()) + " " + b.op().symbol() + (b.returnBool() ? " bool" : "") + matching(b.matching())
                    + " " + of(b.rhs()) + ")";
        }
        if (expr instanceof AggregateExpr a) {
            String grouping = a.grouping().isEmpty() && !a.without() ? ""
                    : (a.without() ? " without (" : " by (") + String.join(", ", a.grouping()) + ")";
            Expr param = a.param();
            return a.op().keyword() + grouping + "(" + (param == null ? "" : of(param) + ", ") + of(a.expr()) + ")";
        }
        Call call = (Call) expr;
        return call.function().name() + "(" + call.args().stream().map(TreeText::of).collect(Collectors.joining(", "))
                + ")";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String selector(VectorSelector vs) {
        List<String> matchers = new ArrayList<>();
        for (LabelMatcher m : vs.matchers()) {
            if (vs.name() == null || !m.name().equals(Labels.METRIC_NAME) || !m.value().equals(vs.name())) {
                matchers.add(m.toString());
            }
        }
        String name = vs.name() == null ? "" : vs.name();
        return matchers.isEmpty() ? name : name + "{" + String.join(",", matchers) + "}";
    }

    private static String modifiers(long offset, @Nullable At at) {
        String text = offset == 0 ? "" : " offset " + offset + "ms";
        if (at != null) {
            text += switch (at.kind()) {
                case START -> " @ start()";
                case END -> " @ end()";
                case TIMESTAMP -> " @ " + at.timestamp();
            };
        }
        return text;
    }

    private static String matching(@Nullable VectorMatching m) {
        if (m == null) {
            return "";
        }
        String text = "";
        if (m.on() || !m.labels().isEmpty()) {
            text += (m.on() ? " on(" : " ignoring(") + String.join(", ", m.labels()) + ")";
        }
        text += switch (m.cardinality()) {
            case MANY_TO_ONE -> " group_left(" + String.join(", ", m.include()) + ")";
            case ONE_TO_MANY -> " group_right(" + String.join(", ", m.include()) + ")";
            default -> "";
        };
        return text;
    }
}
