package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.functions.ElementFunction;
import dev.vigil.metrics.promql.functions.FunctionKernels;
import dev.vigil.metrics.promql.functions.RangeFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Function calls. Range and element-wise functions come from {@link FunctionKernels}; the functions that work
 * on series, labels, order or the evaluation time are evaluated here.
 */
final class Functions {

    private static final Set<String> DATE_FUNCTIONS = Set.of("day_of_month", "day_of_week", "day_of_year",
            "days_in_month", "hour", "minute", "month", "year");
    private static final Set<String> NATIVE_HISTOGRAM_FUNCTIONS = Set.of("histogram_count", "histogram_sum",
            "histogram_avg", "histogram_stddev", "histogram_stdvar");

    private final Evaluator evaluator;

    Functions(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    StepValue eval(Call call, Grid grid) {
        String name = call.function().name();
        QueryTimes times = evaluator.times();
        switch (name) {
            case "time":
                return scalarOfTime(grid);
            case "pi":
                return constant(Math.PI, grid);
            case "step":
                return constant(times.step() / 1000.0, grid);
            case "range":
                return constant((times.end() - times.start()) / 1000.0, grid);
            case "start":
                return constant(times.start() / 1000.0, grid);
            case "end":
                return constant(times.end() / 1000.0, grid);
            case "min_of":
            case "max_of":
                return minMax(call, grid, name.equals("max_of"));
            case "vector":
                return new StepValue.Vector(new ArrayList<>(List.of(
                        new StepSeries(Labels.EMPTY, evaluator.scalar(call.args().get(0), grid).values()))));
            case "scalar":
                return scalar(call, grid);
            case "timestamp":
                return timestamp(call, grid);
            case "absent":
                return absent(call, grid);
            case "absent_over_time":
                return evaluator.ranges().absentOverTime(call, grid);
            case "sort":
            case "sort_desc":
            case "sort_by_label":
            case "sort_by_label_desc":
                return SortFunctions.eval(call, evaluator.vector(call.args().get(0), grid), grid);
            case "label_replace":
                return LabelFunctions.replace(call, evaluator.vector(call.args().get(0), grid));
            case "label_join":
                return LabelFunctions.join(call, evaluator.vector(call.args().get(0), grid));
            case "histogram_quantile":
            case "histogram_quantiles":
            case "histogram_fraction":
                return HistogramFunctions.eval(call, grid, evaluator);
            case "info":
                throw PromqlException.execution("function info() is not supported");
            default:
                break;
        }
        if (NATIVE_HISTOGRAM_FUNCTIONS.contains(name)) {
            // Float series carry no native histogram, so these functions find nothing to read.
            evaluator.vector(call.args().get(0), grid);
            return new StepValue.Vector(new ArrayList<>());
        }
        RangeFunction range = FunctionKernels.range().get(name);
        if (range != null) {
            return evaluator.ranges().apply(range, call, grid);
        }
        ElementFunction element = FunctionKernels.element().get(name);
        if (element != null) {
            return element(element, call, grid);
        }
        throw PromqlException.execution("function " + name + "() is not supported");
    }

    private static StepValue.Scalar constant(double value, Grid grid) {
        double[] values = new double[grid.count()];
        Arrays.fill(values, value);
        return new StepValue.Scalar(values);
    }

    private static StepValue.Scalar scalarOfTime(Grid grid) {
        double[] values = new double[grid.count()];
        for (int k = 0; k < values.length; k++) {
            values[k] = grid.time(k) / 1000.0;
        }
        return new StepValue.Scalar(values);
    }

    private StepValue.Scalar minMax(Call call, Grid grid, boolean max) {
        double[] a = evaluator.scalar(call.args().get(0), grid).values();
        double[] b = evaluator.scalar(call.args().get(1), grid).values();
        for (int k = 0; k < a.length; k++) {
            a[k] = max ? Math.max(a[k], b[k]) : Math.min(a[k], b[k]);
        }
        return new StepValue.Scalar(a);
    }

    /** The one sample of the vector at each step, or NaN when there are none or several. */
    private StepValue.Scalar scalar(Call call, Grid grid) {
        List<StepSeries> series = evaluator.vector(call.args().get(0), grid).series();
        double[] out = new double[grid.count()];
        Arrays.fill(out, Double.NaN);
        int[] count = new int[grid.count()];
        for (StepSeries s : series) {
            double[] v = s.values();
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k]) && ++count[k] == 1) {
                    out[k] = v[k];
                }
            }
        }
        for (int k = 0; k < out.length; k++) {
            if (count[k] != 1) {
                out[k] = Double.NaN;
            }
        }
        return new StepValue.Scalar(out);
    }

    /**
     * The time of each sample in seconds: of the stored sample for a selector (with its offset and {@code @}),
     * of the evaluation otherwise.
     */
    private StepValue.Vector timestamp(Call call, Grid grid) {
        Expr arg = RangeEvaluator.unwrap(call.args().get(0));
        if (arg instanceof VectorSelector vs) {
            return evaluator.instantSelectors().timestamps(vs, grid);
        }
        List<StepSeries> series = evaluator.vector(arg, grid).series();
        List<StepSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            double[] v = s.values();
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    v[k] = grid.time(k) / 1000.0;
                }
            }
            out.add(s.withoutName());
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    private StepValue.Vector absent(Call call, Grid grid) {
        List<StepSeries> series = evaluator.vector(call.args().get(0), grid).series();
        boolean[] seen = new boolean[grid.count()];
        for (StepSeries s : series) {
            double[] v = s.values();
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    seen[k] = true;
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
        if (!any) {
            return new StepValue.Vector(new ArrayList<>());
        }
        Expr arg = RangeEvaluator.unwrap(call.args().get(0));
        Labels labels = arg instanceof VectorSelector vs ? RangeEvaluator.absentLabels(vs.matchers()) : Labels.EMPTY;
        return new StepValue.Vector(new ArrayList<>(List.of(new StepSeries(labels, values))));
    }

    /**
     * An element-wise function over the samples of its vector argument (for the date functions without one,
     * over {@code vector(time())}), with its scalar arguments at each step. The result has no metric name.
     */
    private StepValue.Vector element(ElementFunction fn, Call call, Grid grid) {
        String name = call.function().name();
        List<StepSeries> series;
        if (call.args().isEmpty() && DATE_FUNCTIONS.contains(name)) {
            series = new ArrayList<>(List.of(new StepSeries(Labels.EMPTY, scalarOfTime(grid).values())));
        } else {
            series = evaluator.vector(call.args().get(0), grid).series();
        }
        List<double[]> scalars = new ArrayList<>();
        for (int i = 1; i < call.args().size(); i++) {
            scalars.add(evaluator.scalar(call.args().get(i), grid).values());
        }
        double[] args = new double[scalars.size()];
        List<StepSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            evaluator.execution().checkpoint();
            double[] v = s.values();
            boolean any = false;
            for (int k = 0; k < v.length; k++) {
                if (Steps.isAbsent(v[k])) {
                    continue;
                }
                for (int a = 0; a < args.length; a++) {
                    args[a] = scalars.get(a)[k];
                }
                if (FunctionKernels.dropsEverySample(name, args)) {
                    v[k] = Steps.ABSENT;
                    continue;
                }
                v[k] = fn.apply(v[k], args);
                any = true;
            }
            if (any) {
                out.add(s.withoutName());
            }
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }
}
