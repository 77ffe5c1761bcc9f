package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sort}, {@code sort_desc}, {@code sort_by_label} and {@code sort_by_label_desc}. They order the series of
 * an instant evaluation; a range result is always ordered by labels, so over several steps they change nothing.
 */
final class SortFunctions {

    private SortFunctions() {}

    static StepValue.Vector eval(Call call, StepValue.Vector input, Grid grid) {
        if (grid.count() != 1) {
            return input;
        }
        List<StepSeries> series = new ArrayList<>(input.series());
        Comparator<StepSeries> order = switch (call.function().name()) {
            case "sort" -> byValue(false);
            case "sort_desc" -> byValue(true);
            case "sort_by_label" -> byLabels(labelArgs(call), false);
            case "sort_by_label_desc" -> byLabels(labelArgs(call), true);
            default -> throw new IllegalArgumentException("not a sort function: " + call.function().name());
        };
        series.sort(order);
        return new StepValue.Vector(series);
    }

    /** By the value at the one step, NaN last in both directions. */
    private static Comparator<StepSeries> byValue(boolean descending) {
        return (a, b) -> {
            double x = a.values()[0];
            double y = b.values()[0];
            boolean nanX = Double.isNaN(x);
            boolean nanY = Double.isNaN(y);
            if (nanX || nanY) {
                return Boolean.compare(nanX, nanY);
            }
            return descending ? Double.compare(y, x) : Double.compare(x, y);
        };
    }

    /** By the named labels in natural order, then by the whole label set. */
    private static Comparator<StepSeries> byLabels(List<String> names, boolean descending) {
        Comparator<StepSeries> ascending = (a, b) -> {
            for (String name : names) {
                int c = NaturalOrder.compare(a.labels().getOrEmpty(name), b.labels().getOrEmpty(name));
                if (c != 0) {
                    return c;
                }
            }
            return a.labels().compareTo(b.labels());
        };
        return descending ? ascending.reversed() : ascending;
    }

    private static List<String> labelArgs(Call call) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < call.args().size(); i++) {
            Expr arg = RangeEvaluator.unwrap(call.args().get(i));
            names.add(((StringLiteral) arg).value());
        }
        return names;
    }
}
