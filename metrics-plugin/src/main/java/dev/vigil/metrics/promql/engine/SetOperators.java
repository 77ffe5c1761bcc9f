package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.VectorMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code and}, {@code or} and {@code unless}: at each step, a series is kept or dropped by whether the other
 * side has a series with the same signature at that step.
 */
final class SetOperators {

    private SetOperators() {}

    static StepValue.Vector apply(BinaryOp op, List<StepSeries> lhs, List<StepSeries> rhs, VectorMatching matching) {
        return switch (op) {
            case AND -> new StepValue.Vector(filter(lhs, presence(rhs, matching), matching, true));
            case UNLESS -> new StepValue.Vector(filter(lhs, presence(rhs, matching), matching, false));
            case OR -> or(lhs, rhs, matching);
            default -> throw new IllegalArgumentException("not a set operator: " + op);
        };
    }

    private static StepValue.Vector or(List<StepSeries> lhs, List<StepSeries> rhs, VectorMatching matching) {
        if (lhs.isEmpty()) {
            return new StepValue.Vector(rhs);
        }
        List<StepSeries> out = new ArrayList<>(lhs.size() + rhs.size());
        out.addAll(lhs);
        out.addAll(filter(rhs, presence(lhs, matching), matching, false));
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    /** For each signature, the steps at which some series of {@code series} with it has a sample. */
    private static Map<Labels, boolean[]> presence(List<StepSeries> series, VectorMatching matching) {
        Map<Labels, boolean[]> present = new HashMap<>(series.size() * 2);
        for (StepSeries s : series) {
            double[] v = s.values();
            boolean[] p = present.computeIfAbsent(VectorBinary.signature(matching, s.labels()), l -> new boolean[v.length]);
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    p[k] = true;
                }
            }
        }
        return present;
    }

    /**
     * The samples of {@code series} at the steps where the other side has ({@code keepWhenPresent}) or has not
     * a series of the same signature.
     */
    private static List<StepSeries> filter(List<StepSeries> series, Map<Labels, boolean[]> other,
            VectorMatching matching, boolean keepWhenPresent) {
        List<StepSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            boolean[] p = other.get(VectorBinary.signature(matching, s.labels()));
            if (p == null) {
                if (!keepWhenPresent) {
                    out.add(s);
                }
                continue;
            }
            double[] v = s.values();
            boolean any = false;
            for (int k = 0; k < v.length; k++) {
                if (p[k] != keepWhenPresent) {
                    v[k] = Steps.ABSENT;
                } else if (Steps.isPresent(v[k])) {
                    any = true;
                }
            }
            if (any) {
                out.add(s);
            }
        }
        return out;
    }
}
