package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.text.GoFloats;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code topk}, {@code bottomk}, {@code limitk} and {@code limit_ratio}: at each step, some of each group's
 * series are kept with their own labels. An instant evaluation lists them as Prometheus does, group by group,
 * best first for {@code topk}/{@code bottomk}; a range evaluation keeps each series at the steps it was chosen.
 */
final class KAggregations {

    private KAggregations() {}

    static StepValue.Vector eval(AggregateExpr e, double[] param, List<StepSeries> input, int steps,
            Execution execution) {
        Annotations annotations = execution.annotations();
        AggregateOp op = e.op();
        if (!checkParameter(op, param, e.param() == null ? e.position() : e.param().position(), annotations)) {
            return new StepValue.Vector(List.of());
        }
        Grouping groups = new Grouping(input, e.grouping(), e.without());
        double[] offsets = op == AggregateOp.LIMIT_RATIO ? ratioOffsets(input) : null;
        double[][] chosen = new double[input.size()][];
        List<Integer> instantOrder = steps == 1 ? new ArrayList<>() : null;
        int[] scratch = new int[input.size()];
        double[][] values = new double[input.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = input.get(i).values();
        }
        for (int k = 0; k < steps; k++) {
            execution.checkpoint();
            double p = param[k];
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> members = groups.members(g);
                int n = 0;
                for (int i : members) {
                    if (Steps.isPresent(values[i][k])) {
                        scratch[n++] = i;
                    }
                }
                int kept = select(op, p, scratch, n, values, k, offsets);
                for (int c = 0; c < kept; c++) {
                    int i = scratch[c];
                    if (chosen[i] == null) {
                        chosen[i] = Steps.absent(steps);
                    }
                    chosen[i][k] = values[i][k];
                    if (instantOrder != null) {
                        instantOrder.add(i);
                    }
                }
            }
        }
        List<StepSeries> out = new ArrayList<>();
        if (instantOrder != null) {
            for (int i : instantOrder) {
                out.add(new StepSeries(input.get(i).labels(), chosen[i]));
            }
        } else {
            for (int i = 0; i < input.size(); i++) {
                if (chosen[i] != null) {
                    out.add(new StepSeries(input.get(i).labels(), chosen[i]));
                }
            }
        }
        return new StepValue.Vector(out);
    }

    /**
     * Checks the parameter over all steps as Prometheus does before aggregating; false when no step can keep
     * anything.
     */
    private static boolean checkParameter(AggregateOp op, double[] param, PositionRange position,
            Annotations annotations) {
        boolean nan = false;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double p : param) {
            if (Double.isNaN(p)) {
                nan = true;
            } else {
                max = Math.max(max, p);
                min = Math.min(min, p);
            }
        }
        if (op == AggregateOp.LIMIT_RATIO) {
            if (nan) {
                throw PromqlException.execution("Ratio value is NaN");
            }
            if (param.length == 0 || (max == 0 && min == 0)) {
                return false;
            }
            if (max > 1) {
                annotations.warn("ratio value should be between -1 and 1, got " + GoFloats.g(max) + ", capping to 1",
                        position);
            }
            if (min < -1) {
                annotations.warn("ratio value should be between -1 and 1, got " + GoFloats.g(min) + ", capping to -1",
                        position);
            }
            return true;
        }
        if (nan) {
            throw PromqlException.execution("Parameter value is NaN");
        }
        if (param.length == 0 || max < 1) {
            return false;
        }
        if (min <= -9.223372036854775808E18) {
            throw PromqlException.execution("Scalar value " + GoFloats.g(min) + " underflows int64");
        }
        if (max >= 9.223372036854774784E18) {
            throw PromqlException.execution("Scalar value " + GoFloats.g(max) + " overflows int64");
        }
        return true;
    }

    /**
     * Moves the series kept from the {@code n} candidates to the front of {@code candidates}, in the order an
     * instant query lists them, and returns how many there are.
     */
    private static int select(AggregateOp op, double p, int[] candidates, int n, double[][] values, int step,
            double[] offsets) {
        if (n == 0) {
            return 0;
        }
        if (op == AggregateOp.LIMIT_RATIO) {
            double ratio = Math.max(-1, Math.min(1, p));
            if (ratio == 0) {
                return 0;
            }
            int kept = 0;
            for (int c = 0; c < n; c++) {
                double offset = offsets[candidates[c]];
                if (ratio > 0 ? offset < ratio : offset >= 1 + ratio) {
                    candidates[kept++] = candidates[c];
                }
            }
            return kept;
        }
        long k = Math.min((long) p, (long) values.length);
        if (k < 1) {
            return 0;
        }
        int kept = (int) Math.min(k, n);
        if (op == AggregateOp.LIMITK) {
            return kept;
        }
        boolean top = op == AggregateOp.TOPK;
        // A heap of the best `kept` candidates so far with the worst at the root, then sorted best first.
        int size = 0;
        for (int c = 0; c < n; c++) {
            int candidate = candidates[c];
            double v = values[candidate][step];
            if (size < kept) {
                candidates[size] = candidate;
                siftUp(candidates, size, values, step, top);
                size++;
            } else if (compareBest(v, values[candidates[0]][step], top) < 0) {
                candidates[0] = candidate;
                siftDown(candidates, size, values, step, top);
            }
        }
        for (int i = 1; i < kept; i++) {
            int x = candidates[i];
            double v = values[x][step];
            int j = i - 1;
            while (j >= 0 && compareBest(v, values[candidates[j]][step], top) < 0) {
                candidates[j + 1] = candidates[j];
                j--;
            }
            candidates[j + 1] = x;
        }
        return kept;
    }

    /** Restores the heap (worst at the root) after adding at {@code index}. */
    private static void siftUp(int[] heap, int index, double[][] values, int step, boolean top) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (compareBest(values[heap[i]][step], values[heap[parent]][step], top) <= 0) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    /** Restores the heap (worst at the root) after replacing the root. */
    private static void siftDown(int[] heap, int size, double[][] values, int step, boolean top) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (compareBest(values[heap[child]][step], values[heap[worst]][step], top) > 0) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[worst];
            heap[worst] = t;
            i = worst;
        }
    }

    /** Best first: largest for {@code topk}, smallest for {@code bottomk}, NaN always last. */
    private static int compareBest(double a, double b, boolean top) {
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            return Boolean.compare(nanA, nanB);
        }
        return top ? Double.compare(b, a) : Double.compare(a, b);
    }

    /** Each series' fixed place in [0, 1], from the hash of its labels, so a ratio keeps the same series at every step. */
    private static double[] ratioOffsets(List<StepSeries> input) {
        double[] offsets = new double[input.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = LabelHash.unitInterval(input.get(i).labels());
        }
        return offsets;
    }
}
