package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.List;

/** A subquery's series: the values its expression had at the steps of the subquery's grid. */
final class SubqueryInput implements RangeInput {

    private final List<Labels> labels = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private int current = -1;

    /** The present steps of {@code series}, evaluated on {@code grid}. */
    SubqueryInput(List<StepSeries> series, Grid grid) {
        for (StepSeries s : series) {
            double[] v = s.values();
            int n = Steps.countPresent(v);
            if (n == 0) {
                continue;
            }
            long[] t = new long[n];
            double[] x = new double[n];
            int j = 0;
            for (int k = 0; k < v.length; k++) {
                if (Steps.isPresent(v[k])) {
                    t[j] = grid.time(k);
                    x[j] = v[k];
                    j++;
                }
            }
            labels.add(s.labels());
            times.add(t);
            values.add(x);
        }
    }

    @Override
    public int size() {
        return labels.size();
    }

    @Override
    public Labels labels(int index) {
        return labels.get(index);
    }

    @Override
    public int load(int index) {
        current = index;
        return times.get(index).length;
    }

    @Override
    public long[] times() {
        return times.get(current);
    }

    @Override
    public double[] values() {
        return values.get(current);
    }
}
