package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.functions.BucketLabel;
import dev.vigil.metrics.promql.functions.ClassicBuckets;
import dev.vigil.metrics.promql.functions.Messages;
import dev.vigil.metrics.promql.functions.Quantiles;
import dev.vigil.metrics.promql.text.GoFloats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code histogram_quantile}, {@code histogram_quantiles} and {@code histogram_fraction} over classic histograms:
 * the bucket series that differ only in {@code le} form one histogram, rebuilt at each step from the buckets
 * present then. The result has the histogram's labels without {@code le} and the metric name.
 */
final class HistogramFunctions {

    private HistogramFunctions() {}

    /** One classic histogram: its bucket series and their upper bounds. */
    private static final class Histogram {
        final Labels labels;
        final String metricName;
        final List<double[]> buckets = new ArrayList<>();
        final List<Double> bounds = new ArrayList<>();

        Histogram(Labels labels, String metricName) {
            this.labels = labels;
            this.metricName = metricName;
        }
    }

    static StepValue eval(Call call, Grid grid, Evaluator evaluator) {
        Annotations annotations = evaluator.execution().annotations();
        String name = call.function().name();
        List<Expr> args = call.args();
        switch (name) {
            case "histogram_quantile": {
                double[] q = evaluator.scalar(args.get(0), grid).values();
                warnInvalid(q, args.get(0).position(), annotations);
                List<Histogram> histograms = histograms(evaluator.vector(args.get(1), grid), args.get(1), annotations);
                List<StepSeries> out = new ArrayList<>();
                for (Histogram h : histograms) {
                    add(out, h.labels, quantiles(h, q, grid.count(), args.get(1).position(), annotations));
                }
                return new StepValue.Vector(SeriesMerger.merge(out));
            }
            case "histogram_quantiles": {
                List<double[]> qs = new ArrayList<>();
                for (int i = 2; i < args.size(); i++) {
                    double[] q = evaluator.scalar(args.get(i), grid).values();
                    warnInvalid(q, args.get(i).position(), annotations);
                    qs.add(q);
                }
                String label = ((StringLiteral) RangeEvaluator.unwrap(args.get(1))).value();
                List<Histogram> histograms = histograms(evaluator.vector(args.get(0), grid), args.get(0), annotations);
                List<StepSeries> out = new ArrayList<>();
                for (double[] q : qs) {
                    for (Histogram h : histograms) {
                        double[] values = quantiles(h, q, grid.count(), args.get(0).position(), annotations);
                        if (values != null) {
                            splitByQuantile(out, h.labels, label, q, values);
                        }
                    }
                }
                return new StepValue.Vector(SeriesMerger.merge(out));
            }
            case "histogram_fraction": {
                double[] lower = evaluator.scalar(args.get(0), grid).values();
                double[] upper = evaluator.scalar(args.get(1), grid).values();
                List<Histogram> histograms = histograms(evaluator.vector(args.get(2), grid), args.get(2), annotations);
                List<StepSeries> out = new ArrayList<>();
                ClassicBuckets buckets = new ClassicBuckets();
                for (Histogram h : histograms) {
                    double[] values = Steps.absent(grid.count());
                    boolean any = false;
                    for (int k = 0; k < grid.count(); k++) {
                        if (fill(buckets, h, k)) {
                            values[k] = buckets.fraction(lower[k], upper[k]);
                            any = true;
                        }
                    }
                    add(out, h.labels, any ? values : null);
                }
                return new StepValue.Vector(SeriesMerger.merge(out));
            }
            default:
                throw new IllegalArgumentException("not a histogram function: " + name);
        }
    }

    private static void warnInvalid(double[] q, PositionRange position, Annotations annotations) {
        double last = Double.NaN;
        boolean warned = false;
        for (double v : q) {
            if (!Quantiles.isValid(v) && !(warned && Double.compare(v, last) == 0)) {
                annotations.warn(Messages.invalidQuantile(v), position);
                warned = true;
                last = v;
            }
        }
    }

    /** The classic histograms among {@code input}, in the order their first bucket appears. */
    private static List<Histogram> histograms(StepValue.Vector input, Expr arg, Annotations annotations) {
        Map<Labels, Histogram> bySignature = new LinkedHashMap<>();
        for (StepSeries s : input.series()) {
            String le = s.labels().getOrEmpty(BucketLabel.NAME);
            OptionalDouble bound = BucketLabel.parse(le);
            if (bound.isEmpty()) {
                annotations.warn(Messages.badBucketLabel(s.labels().metricName(), le), arg.position());
                continue;
            }
            Labels signature = s.labels().without(List.of(BucketLabel.NAME));
            Histogram h = bySignature.computeIfAbsent(signature,
                    l -> new Histogram(LabelSets.withoutName(l), l.metricName()));
            h.buckets.add(s.values());
            h.bounds.add(bound.getAsDouble());
        }
        return new ArrayList<>(bySignature.values());
    }

    /** Fills {@code buckets} with the buckets of {@code h} present at step {@code k}; false when there are none. */
    private static boolean fill(ClassicBuckets buckets, Histogram h, int k) {
        buckets.clear();
        for (int b = 0; b < h.buckets.size(); b++) {
            double v = h.buckets.get(b)[k];
            if (Steps.isPresent(v)) {
                buckets.add(h.bounds.get(b), v);
            }
        }
        return buckets.size() > 0;
    }

    private static double[] quantiles(Histogram h, double[] q, int steps, PositionRange position,
            Annotations annotations) {
        ClassicBuckets buckets = new ClassicBuckets();
        double[] values = Steps.absent(steps);
        boolean any = false;
        for (int k = 0; k < steps; k++) {
            if (!fill(buckets, h, k)) {
                continue;
            }
            values[k] = buckets.quantile(q[k]);
            any = true;
            if (buckets.forcedMonotonic()) {
                annotations.info(Messages.forcedMonotonicity(h.metricName), position);
            }
        }
        return any ? values : null;
    }

    /** The quantile series of one histogram, one per distinct φ label value, since φ may change over the steps. */
    private static void splitByQuantile(List<StepSeries> out, Labels labels, String label, double[] q, double[] values) {
        Map<String, double[]> byLabel = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            if (Steps.isAbsent(values[k])) {
                continue;
            }
            double[] target = byLabel.computeIfAbsent(GoFloats.openMetrics(q[k]), l -> Steps.absent(values.length));
            target[k] = values[k];
        }
        byLabel.forEach((value, series) -> out.add(new StepSeries(LabelSets.with(labels, label, value), series)));
    }

    private static void add(List<StepSeries> out, Labels labels, double[] values) {
        if (values != null) {
            out.add(new StepSeries(labels, values));
        }
    }
}
