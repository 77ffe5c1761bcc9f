package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.functions.KahanSum;
import dev.vigil.metrics.promql.functions.Messages;
import dev.vigil.metrics.promql.functions.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregation operators that give one series per group: {@code sum}, {@code avg}, {@code min},
 * {@code max}, {@code count}, {@code group}, {@code stddev}, {@code stdvar} and {@code quantile}. Values are
 * accumulated series by series into per-group arrays over the steps, in the order Prometheus adds them.
 * {@code topk} and its kin go to {@link KAggregations}, {@code count_values} to {@link CountValues}.
 */
final class Aggregations {

    private final Evaluator evaluator;

    Aggregations(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    StepValue.Vector eval(AggregateExpr e, Grid grid) {
        AggregateOp op = e.op();
        if (op == AggregateOp.COUNT_VALUES) {
            return CountValues.eval(e, evaluator.vector(e.expr(), grid).series(), evaluator.execution());
        }
        double[] param = e.param() == null || op.parameterType() == null ? null : evaluator.scalar(e.param(), grid).values();
        List<StepSeries> input = evaluator.vector(e.expr(), grid).series();
        return switch (op) {
            case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> KAggregations.eval(e, param, input, grid.count(),
                    evaluator.execution());
            default -> new StepValue.Vector(aggregate(e, param, input, grid.count()));
        };
    }

    private List<StepSeries> aggregate(AggregateExpr e, double[] param, List<StepSeries> input, int steps) {
        if (e.op() == AggregateOp.QUANTILE) {
            warnQuantile(param, e, evaluator.execution().annotations());
        }
        Grouping groups = new Grouping(input, e.grouping(), e.without());
        List<StepSeries> out = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            evaluator.execution().checkpoint();
            List<Integer> members = groups.members(g);
            double[] values = switch (e.op()) {
                case SUM -> sum(members, input, steps);
                case AVG -> avg(members, input, steps);
                case MIN -> extreme(members, input, steps, false);
                case MAX -> extreme(members, input, steps, true);
                case COUNT -> count(members, input, steps, false);
                case GROUP -> count(members, input, steps, true);
                case STDDEV -> variance(members, input, steps, true);
                case STDVAR -> variance(members, input, steps, false);
                case QUANTILE -> quantile(members, input, steps, param);
                default -> throw new IllegalArgumentException("not a grouping aggregation: " + e.op());
            };
            if (!Steps.allAbsent(values)) {
                out.add(new StepSeries(groups.labels(g), values));
            }
        }
        return out;
    }

    private double[] sum(List<Integer> members, List<StepSeries> input, int steps) {
        double[] sum = Steps.absent(steps);
        double[] c = new double[steps];
        for (int i : members) {
            evaluator.execution().checkpoint();
            double[] v = input.get(i).values();
            for (int k = 0; k < steps; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                if (Steps.isAbsent(sum[k])) {
                    sum[k] = x;
                    continue;
                }
                double next = sum[k] + x;
                c[k] = KahanSum.nextCompensation(sum[k], x, next, c[k]);
                sum[k] = next;
            }
        }
        for (int k = 0; k < steps; k++) {
            if (Steps.isPresent(sum[k])) {
                sum[k] += c[k];
            }
        }
        return sum;
    }

    /**
     * The mean, from the compensated sum while that sum stays finite, and from then on incrementally, so that
     * large values do not overflow.
     */
    private double[] avg(List<Integer> members, List<StepSeries> input, int steps) {
        double[] sum = Steps.absent(steps);
        double[] c = new double[steps];
        double[] mean = new double[steps];
        double[] count = new double[steps];
        boolean[] incremental = new boolean[steps];
        for (int i : members) {
            evaluator.execution().checkpoint();
            double[] v = input.get(i).values();
            for (int k = 0; k < steps; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                if (Steps.isAbsent(sum[k])) {
                    sum[k] = x;
                    count[k] = 1;
                    continue;
                }
                double n = ++count[k];
                if (!incremental[k]) {
                    double next = sum[k] + x;
                    if (!Double.isInfinite(next)) {
                        c[k] = KahanSum.nextCompensation(sum[k], x, next, c[k]);
                        sum[k] = next;
                        continue;
                    }
                    c[k] /= n - 1;
                    incremental[k] = true;
                    mean[k] = sum[k] / (n - 1);
                }
                double q = (n - 1) / n;
                double scaled = q * mean[k];
                double next = scaled + x / n;
                c[k] = KahanSum.nextCompensation(scaled, x / n, next, q * c[k]);
                mean[k] = next;
            }
        }
        for (int k = 0; k < steps; k++) {
            if (Steps.isAbsent(sum[k])) {
                continue;
            }
            sum[k] = incremental[k] ? mean[k] + c[k] : sum[k] / count[k] + c[k] / count[k];
        }
        return sum;
    }

    private double[] extreme(List<Integer> members, List<StepSeries> input, int steps, boolean max) {
        double[] out = Steps.absent(steps);
        for (int i : members) {
            evaluator.execution().checkpoint();
            double[] v = input.get(i).values();
            for (int k = 0; k < steps; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                double cur = out[k];
                if (Steps.isAbsent(cur) || Double.isNaN(cur) || (max ? cur < x : cur > x)) {
                    out[k] = x;
                }
            }
        }
        return out;
    }

    private double[] count(List<Integer> members, List<StepSeries> input, int steps, boolean once) {
        double[] out = Steps.absent(steps);
        for (int i : members) {
            evaluator.execution().checkpoint();
            double[] v = input.get(i).values();
            for (int k = 0; k < steps; k++) {
                if (Steps.isAbsent(v[k])) {
                    continue;
                }
                out[k] = Steps.isAbsent(out[k]) || once ? 1 : out[k] + 1;
            }
        }
        return out;
    }

    /** Welford's running variance, NaN as soon as a NaN or an infinity comes first. */
    private double[] variance(List<Integer> members, List<StepSeries> input, int steps, boolean root) {
        double[] acc = Steps.absent(steps);
        double[] mean = new double[steps];
        double[] count = new double[steps];
        for (int i : members) {
            evaluator.execution().checkpoint();
            double[] v = input.get(i).values();
            for (int k = 0; k < steps; k++) {
                double x = v[k];
                if (Steps.isAbsent(x)) {
                    continue;
                }
                if (Steps.isAbsent(acc[k])) {
                    acc[k] = Double.isNaN(x) || Double.isInfinite(x) ? Double.NaN : 0;
                    mean[k] = x;
                    count[k] = 1;
                    continue;
                }
                double n = ++count[k];
                double delta = x - mean[k];
                mean[k] += delta / n;
                acc[k] += delta * (x - mean[k]);
            }
        }
        for (int k = 0; k < steps; k++) {
            if (Steps.isPresent(acc[k])) {
                double variance = acc[k] / count[k];
                acc[k] = root ? Math.sqrt(variance) : variance;
            }
        }
        return acc;
    }

    private double[] quantile(List<Integer> members, List<StepSeries> input, int steps, double[] q) {
        double[] out = Steps.absent(steps);
        double[] scratch = new double[members.size()];
        for (int k = 0; k < steps; k++) {
            evaluator.execution().checkpoint();
            int n = 0;
            for (int i : members) {
                double x = input.get(i).values()[k];
                if (Steps.isPresent(x)) {
                    scratch[n++] = x;
                }
            }
            if (n > 0) {
                out[k] = Quantiles.quantile(q[k], scratch, 0, n);
            }
        }
        return out;
    }

    /** Prometheus warns once for a NaN, once for the largest value above 1 and once for the smallest below 0. */
    static void warnQuantile(double[] q, AggregateExpr e, Annotations annotations) {
        boolean nan = false;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double x : q) {
            if (Double.isNaN(x)) {
                nan = true;
            } else {
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
        }
        var position = e.param() == null ? e.position() : e.param().position();
        if (nan) {
            annotations.warn(Messages.invalidQuantile(Double.NaN), position);
        }
        if (max > 1) {
            annotations.warn(Messages.invalidQuantile(max), position);
        }
        if (min < 0) {
            annotations.warn(Messages.invalidQuantile(min), position);
        }
    }
}
