package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.text.GoFloats;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code count_values}: at each step, how many series of each group have each value, the value in a label. */
final class CountValues {

    private CountValues() {}

    static StepValue.Vector eval(AggregateExpr e, List<StepSeries> input, Execution execution) {
        Expr param = RangeEvaluator.unwrap(e.param() == null ? e.expr() : e.param());
        if (!(param instanceof StringLiteral literal)) {
            throw new IllegalArgumentException("count_values needs a string parameter");
        }
        String valueLabel = literal.value();
        if (!LabelNames.isValid(valueLabel)) {
            throw PromqlException.execution("invalid label name " + GoStrings.quote(valueLabel));
        }
        List<String> grouping = new ArrayList<>(e.grouping());
        if (!e.without()) {
            grouping.add(valueLabel);
        }
        Map<Labels, double[]> counts = new LinkedHashMap<>();
        for (StepSeries s : input) {
            execution.checkpoint();
            double[] v = s.values();
            double lastValue = Double.NaN;
            double[] lastCounts = null;
            for (int k = 0; k < v.length; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                if (lastCounts == null || Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(lastValue)) {
                    Labels labels = LabelSets.with(s.labels(), valueLabel, GoFloats.plain(x));
                    Labels key = Grouping.key(labels, grouping, e.without());
                    lastCounts = counts.computeIfAbsent(key, l -> Steps.absent(v.length));
                    lastValue = x;
                }
                lastCounts[k] = Steps.isAbsent(lastCounts[k]) ? 1 : lastCounts[k] + 1;
            }
        }
        List<StepSeries> out = new ArrayList<>(counts.size());
        counts.forEach((labels, values) -> out.add(new StepSeries(labels, values)));
        return new StepValue.Vector(out);
    }
}
