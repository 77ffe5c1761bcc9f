package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binary operation between two step evaluators, with PromQL's semantics: a number applies to every sample of a
 * vector; two vectors match sample to sample on equal labels; a comparison without {@code bool} keeps the samples
 * for which it holds, with the vector's value; {@code and}, {@code or} and {@code unless} combine label sets.
 * Not thread-safe.
 */
final class BinaryEvaluator implements StepEvaluator {

    private final BinaryOp op;
    private final boolean returnBool;
    private final StepEvaluator left;
    private final StepEvaluator right;

    BinaryEvaluator(BinaryOp op, boolean returnBool, StepEvaluator left, StepEvaluator right) {
        this.op = op;
        this.returnBool = returnBool;
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean isScalar() {
        return left.isScalar() && right.isScalar();
    }

    @Override
    public List<StepSample> at(long timeNanos) {
        List<StepSample> l = left.at(timeNanos);
        List<StepSample> r = right.at(timeNanos);
        if (left.isScalar() && right.isScalar()) {
            return List.of(new StepSample(Labels.EMPTY, op.apply(l.get(0).value(), r.get(0).value())));
        }
        if (right.isScalar()) {
            return withNumber(l, r.get(0).value(), false);
        }
        if (left.isScalar()) {
            return withNumber(r, l.get(0).value(), true);
        }
        if (op.isSetOperator()) {
            return setOperation(l, r);
        }
        Map<Labels, StepSample> byLabels = new HashMap<>();
        for (StepSample sample : r) {
            byLabels.put(sample.labels(), sample);
        }
        List<StepSample> out = new ArrayList<>();
        for (StepSample a : l) {
            StepSample b = byLabels.get(a.labels());
            if (b != null) {
                combine(a.labels(), a.value(), b.value(), a.value(), out);
            }
        }
        return out;
    }

    /** Each sample with the number; {@code numberFirst} when the number is the left operand. */
    private List<StepSample> withNumber(List<StepSample> samples, double number, boolean numberFirst) {
        List<StepSample> out = new ArrayList<>(samples.size());
        for (StepSample s : samples) {
            double a = numberFirst ? number : s.value();
            double b = numberFirst ? s.value() : number;
            combine(s.labels(), a, b, s.value(), out);
        }
        return out;
    }

    private void combine(Labels labels, double a, double b, double kept, List<StepSample> out) {
        double result = op.apply(a, b);
        if (!op.isComparison() || returnBool) {
            out.add(new StepSample(labels, result));
        } else if (result == 1) {
            out.add(new StepSample(labels, kept));
        }
    }

    private List<StepSample> setOperation(List<StepSample> l, List<StepSample> r) {
        Set<Labels> rightLabels = new HashSet<>();
        for (StepSample s : r) {
            rightLabels.add(s.labels());
        }
        List<StepSample> out = new ArrayList<>();
        switch (op) {
            case AND -> l.stream().filter(s -> rightLabels.contains(s.labels())).forEach(out::add);
            case UNLESS -> l.stream().filter(s -> !rightLabels.contains(s.labels())).forEach(out::add);
            default -> {
                Set<Labels> leftLabels = new HashSet<>();
                for (StepSample s : l) {
                    leftLabels.add(s.labels());
                    out.add(s);
                }
                r.stream().filter(s -> !leftLabels.contains(s.labels())).forEach(out::add);
            }
        }
        return out;
    }
}
