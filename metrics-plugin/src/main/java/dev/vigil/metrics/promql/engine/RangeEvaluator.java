package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue.RangeSeries;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.ValueType;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.functions.RangeFunction;
import dev.vigil.metrics.promql.functions.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Range selectors and subqueries, and the functions over them. Each series is read once; its window
 * {@code (t - range, t]} then slides along the steps with two indexes, and the function sees it through one
 * reused {@link Window}.
 */
final class RangeEvaluator {

    private final Evaluator evaluator;

    RangeEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** A range argument resolved for one grid: its series and where its windows are. */
    private record RangeArg(RangeInput input, @Nullable At at, long offset, long range, boolean subquery,
            Labels absentLabels) {}

    /** The index of the range-vector argument of {@code call}. */
    static int matrixArgument(Call call) {
        for (int i = 0; i < call.args().size(); i++) {
            if (call.function().argType(i) == ValueType.MATRIX) {
                return i;
            }
        }
        throw new IllegalArgumentException(call.function().name() + " has no range argument");
    }

    /** {@code fn} applied to the range argument of {@code call} at every step of {@code grid}. */
    StepValue.Vector apply(RangeFunction fn, Call call, Grid grid) {
        int matrixIndex = matrixArgument(call);
        RangeArg arg = resolve(call.args().get(matrixIndex), grid);
        double[][] scalars = new double[call.args().size() - 1][];
        for (int i = 0, a = 0; i < call.args().size(); i++) {
            if (i != matrixIndex) {
                scalars[a++] = evaluator.scalar(call.args().get(i), grid).values();
            }
        }
        Execution execution = evaluator.execution();
        Window window = new Window();
        window.args = new double[scalars.length];
        window.subquery = arg.subquery();
        window.position = call.args().get(0).position();
        window.annotations = execution.annotations();
        boolean keepName = fn.keepsMetricName();
        int minSamples = Math.max(1, fn.minSamples());
        int steps = grid.count();
        QueryTimes times = evaluator.times();
        RangeInput input = arg.input();
        List<StepSeries> out = new ArrayList<>();
        double[] values = null;
        for (int i = 0; i < input.size(); i++) {
            execution.checkpoint();
            int n = input.load(i);
            if (n == 0) {
                continue;
            }
            long[] t = input.times();
            Labels labels = input.labels(i);
            window.timestamps = t;
            window.values = input.values();
            window.metricName = labels.metricName();
            if (values == null) {
                values = new double[steps];
            }
            int present = 0;
            int from = 0;
            int to = 0;
            int inWindow = 0;
            for (int k = 0; k < steps; k++) {
                long end = times.reference(arg.at(), arg.offset(), grid.time(k));
                long start = end - arg.range();
                while (to < n && t[to] <= end) {
                    to++;
                }
                while (from < to && t[from] <= start) {
                    from++;
                }
                int size = to - from;
                if (size != inWindow) {
                    execution.hold(size - inWindow);
                    inWindow = size;
                }
                if (size < minSamples) {
                    values[k] = Steps.ABSENT;
                    continue;
                }
                execution.touch(size);
                window.from = from;
                window.to = to;
                window.start = start;
                window.end = end;
                window.evaluationTime = grid.time(k);
                for (int a = 0; a < scalars.length; a++) {
                    window.args[a] = scalars[a][k];
                }
                values[k] = fn.apply(window);
                present++;
            }
            execution.release(inWindow);
            if (present > 0) {
                execution.hold(present);
                out.add(new StepSeries(keepName ? labels : LabelSets.withoutName(labels), values));
                values = null;
            }
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    /** {@code absent_over_time}: 1 at the steps where no series of the argument has a sample in its window. */
    StepValue.Vector absentOverTime(Call call, Grid grid) {
        RangeArg arg = resolve(call.args().get(0), grid);
        boolean[] seen = new boolean[grid.count()];
        RangeInput input = arg.input();
        for (int i = 0; i < input.size(); i++) {
            evaluator.execution().checkpoint();
            int n = input.load(i);
            long[] t = input.times();
            int from = 0;
            int to = 0;
            for (int k = 0; k < grid.count(); k++) {
                long end = evaluator.times().reference(arg.at(), arg.offset(), grid.time(k));
                while (to < n && t[to] <= end) {
                    to++;
                }
                while (from < to && t[from] <= end - arg.range()) {
                    from++;
                }
                if (to > from) {
                    seen[k] = true;
                    evaluator.execution().touch(to - from);
                }
            }
        }
        double[] values = Steps.absent(grid.count());
        boolean any = false;
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                values[k] = 1;
                any = true;
            }
        }
        return new StepValue.Vector(any ? List.of(new StepSeries(arg.absentLabels(), values)) : List.of());
    }

    /** A range selector or subquery as a query result: its samples in the window at the grid's one time. */
    StepValue.Matrix matrix(Expr expr, Grid grid) {
        RangeArg arg = resolve(expr, grid);
        long end = evaluator.times().reference(arg.at(), arg.offset(), grid.start());
        long start = end - arg.range();
        RangeInput input = arg.input();
        List<RangeSeries> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            evaluator.execution().checkpoint();
            int n = input.load(i);
            long[] t = input.times();
            int from = 0;
            while (from < n && t[from] <= start) {
                from++;
            }
            int to = from;
            while (to < n && t[to] <= end) {
                to++;
            }
            if (to > from) {
                evaluator.execution().hold(to - from);
                evaluator.execution().touch(to - from);
                out.add(RangeSeries.of(input.labels(i), Arrays.copyOfRange(t, from, to),
                        Arrays.copyOfRange(input.values(), from, to)));
            }
        }
        out.sort(Comparator.comparing(RangeSeries::labels));
        return new StepValue.Matrix(out);
    }

    private RangeArg resolve(Expr expr, Grid grid) {
        Expr e = unwrap(expr);
        if (e instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            QueryTimes times = evaluator.times();
            long first = grid.count() == 0 ? 0 : times.reference(vs.at(), vs.offset(), grid.start());
            long last = grid.count() == 0 ? -1 : times.reference(vs.at(), vs.offset(), grid.end());
            RangeInput input = new SelectorInput(evaluator.selections().select(vs), evaluator.reader(),
                    first - ms.range() + 1, last);
            return new RangeArg(input, vs.at(), vs.offset(), ms.range(), false, absentLabels(vs.matchers()));
        }
        if (e instanceof SubqueryExpr sq) {
            return new RangeArg(subquery(sq, grid), sq.at(), sq.offset(), sq.range(), true, Labels.EMPTY);
        }
        throw new IllegalArgumentException("not a range vector: " + e);
    }

    private SubqueryInput subquery(SubqueryExpr sq, Grid grid) {
        QueryTimes times = evaluator.times();
        if (grid.count() == 0) {
            return new SubqueryInput(List.of(), grid);
        }
        long first = times.reference(sq.at(), sq.offset(), grid.start());
        long last = times.reference(sq.at(), sq.offset(), grid.end());
        Grid inner = QueryTimes.subqueryGrid(first, last, sq.range(), times.subqueryStep(sq.step()));
        evaluator.execution().checkSteps(inner.count());
        StepValue value = evaluator.eval(sq.expr(), inner);
        if (value instanceof StepValue.Scalar s) {
            return new SubqueryInput(List.of(new StepSeries(Labels.EMPTY, s.values())), inner);
        }
        return new SubqueryInput(((StepValue.Vector) value).series(), inner);
    }

    /** The labels {@code absent} and {@code absent_over_time} give: those matched exactly, once. */
    static Labels absentLabels(List<LabelMatcher> matchers) {
        Labels.Builder builder = Labels.builder();
        Set<String> has = new HashSet<>();
        for (LabelMatcher m : matchers) {
            if (m.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == LabelMatcher.Type.EQUAL && has.add(m.name())) {
                builder.set(m.name(), m.value());
            } else {
                builder.remove(m.name());
            }
        }
        return builder.build();
    }

    static Expr unwrap(Expr expr) {
        Expr e = expr;
        while (e instanceof ParenExpr p) {
            e = p.expr();
        }
        return e;
    }
}
