package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.PromqlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins series that ended up with the same labels, as when an operator drops the metric name of
 * {@code {__name__=~"a|b"}}: they become one series if they never have a sample at the same step, and the query
 * fails as in Prometheus if they do.
 */
final class SeriesMerger {

    static final String SAME_LABELSET = "vector cannot contain metrics with the same labelset";

    private SeriesMerger() {}

    /** {@code series} with the series of equal labels joined, in the order each label set first appears. */
    static List<StepSeries> merge(List<StepSeries> series) {
        if (series.size() < 2) {
            return series;
        }
        Map<Labels, Integer> index = new HashMap<>(series.size() * 2);
        List<StepSeries> out = null;
        for (int i = 0; i < series.size(); i++) {
            StepSeries s = series.get(i);
            Integer first = index.putIfAbsent(s.labels(), out == null ? i : out.size());
            if (first == null) {
                if (out != null) {
                    out.add(s);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(series.subList(0, i));
            }
            mergeInto(out.get(first).values(), s.values());
        }
        return out == null ? series : out;
    }

    /** Fails with Prometheus's message if any two series of {@code series} have the same labels. */
    static void checkUnique(List<StepSeries> series) {
        if (series.size() < 2) {
            return;
        }
        Map<Labels, Boolean> seen = new HashMap<>(series.size() * 2);
        for (StepSeries s : series) {
            if (seen.put(s.labels(), Boolean.TRUE) != null) {
                throw PromqlException.execution(SAME_LABELSET);
            }
        }
    }

    private static void mergeInto(double[] target, double[] other) {
        for (int k = 0; k < other.length; k++) {
            double v = other[k];
            if (Steps.isPresent(v)) {
                if (Steps.isPresent(target[k])) {
                    throw PromqlException.execution(SAME_LABELSET);
                }
                target[k] = v;
            }
        }
    }
}
