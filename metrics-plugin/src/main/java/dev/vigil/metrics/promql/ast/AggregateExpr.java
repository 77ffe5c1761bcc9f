package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An aggregation such as {@code sum by (job) (x)} or {@code topk(3, x)}.
 *
 * @param op the operator
 * @param expr the vector aggregated
 * @param param the parameter ({@code k}, {@code φ}, the label of {@code count_values}), or null when the
 *     operator takes none
 * @param grouping the labels in {@code by(...)} or {@code without(...)}
 * @param without true for {@code without}
 * @param position where it is in the text
 */
public record AggregateExpr(AggregateOp op, Expr expr, @Nullable Expr param, List<String> grouping, boolean without,
        PositionRange position) implements Expr {

    /** Checks and copies. */
    public AggregateExpr {
        requireNonNull(op, "op is null");
        requireNonNull(expr, "expr is null");
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
