package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The aggregations over the samples of one step ({@code sum}, {@code avg}, {@code count}, {@code min}, {@code max},
 * {@code stddev}, {@code stdvar}, {@code topk}, {@code bottomk}, {@code sort}, {@code sort_desc}), with PromQL's
 * semantics: groups by the labels of {@code by} (or all but those of {@code without}), NaN loses to any number in
 * {@code min}, {@code max}, {@code topk} and {@code bottomk}, and the deviations are the population's.
 * Stateless and thread-safe.
 */
final class Aggregations {

    private Aggregations() {}

    /** A step evaluator that aggregates {@code inner}'s samples. */
    static StepEvaluator of(VectorOp op, @Nullable Grouping grouping, int k, StepEvaluator inner) {
        return new StepEvaluator() {
            @Override
            public boolean isScalar() {
                return false;
            }

            @Override
            public List<StepSample> at(long timeNanos) {
                return aggregate(op, grouping, k, inner.at(timeNanos));
            }
        };
    }

    static List<StepSample> aggregate(VectorOp op, @Nullable Grouping grouping, int k, List<StepSample> samples) {
        if (op == VectorOp.SORT || op == VectorOp.SORT_DESC) {
            List<StepSample> sorted = new ArrayList<>(samples);
            Comparator<StepSample> byValue = Comparator.comparingDouble(StepSample::value);
            sorted.sort(op == VectorOp.SORT ? byValue : byValue.reversed());
            return sorted;
        }
        Map<Labels, List<StepSample>> groups = new LinkedHashMap<>();
        for (StepSample sample : samples) {
            groups.computeIfAbsent(groupOf(sample.labels(), grouping), g -> new ArrayList<>()).add(sample);
        }
        List<StepSample> out = new ArrayList<>();
        for (Map.Entry<Labels, List<StepSample>> group : groups.entrySet()) {
            List<StepSample> members = group.getValue();
            if (op == VectorOp.TOPK || op == VectorOp.BOTTOMK) {
                List<StepSample> ranked = new ArrayList<>(members);
                ranked.sort(rank(op == VectorOp.TOPK));
                out.addAll(ranked.subList(0, Math.min(k, ranked.size())));
            } else {
                out.add(new StepSample(group.getKey(), reduce(op, members)));
            }
        }
        return out;
    }

    private static Labels groupOf(Labels labels, @Nullable Grouping grouping) {
        if (grouping == null) {
            return Labels.EMPTY;
        }
        return grouping.without() ? labels.without(grouping.labels()) : labels.keep(grouping.labels());
    }

    /** Best first: the largest for topk, the smallest for bottomk, NaN last either way, then by labels. */
    private static Comparator<StepSample> rank(boolean largestFirst) {
        return (a, b) -> {
            boolean aNaN = Double.isNaN(a.value());
            boolean bNaN = Double.isNaN(b.value());
            if (aNaN != bNaN) {
                return aNaN ? 1 : -1;
            }
            int byValue = largestFirst ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
            return byValue != 0 ? byValue : a.labels().compareTo(b.labels());
        };
    }

    private static double reduce(VectorOp op, List<StepSample> members) {
        switch (op) {
            case COUNT -> {
                return members.size();
            }
            case SUM -> {
                double sum = 0;
                for (StepSample s : members) {
                    sum += s.value();
                }
                return sum;
            }
            case AVG -> {
                double mean = 0;
                int n = 0;
                for (StepSample s : members) {
                    n++;
                    mean += (s.value() - mean) / n;
                }
                return mean;
            }
            case MAX, MIN -> {
                double best = Double.NaN;
                for (StepSample s : members) {
                    double v = s.value();
                    if (Double.isNaN(best) || (op == VectorOp.MAX ? v > best : v < best)) {
                        best = v;
                    }
                }
                return best;
            }
            case STDDEV, STDVAR -> {
                double mean = 0;
                double squares = 0;
                int n = 0;
                for (StepSample s : members) {
                    n++;
                    double delta = s.value() - mean;
                    mean += delta / n;
                    squares += delta * (s.value() - mean);
                }
                double variance = squares / n;
                return op == VectorOp.STDDEV ? Math.sqrt(variance) : variance;
            }
            default -> throw new IllegalArgumentException("not a reducing aggregation: " + op);
        }
    }
}
