package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Series;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Instant vector selectors: at each step, the last sample in {@code (t - lookback, t]} (after offset and
 * {@code @}), unless it is a staleness marker. Each series is read once and walked along the steps.
 */
final class InstantSelectors {

    private final Evaluator evaluator;

    InstantSelectors(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The selector's values at each step. */
    StepValue.Vector values(VectorSelector selector, Grid grid) {
        return new StepValue.Vector(select(selector, grid, false));
    }

    /**
     * The timestamps, in seconds, of the samples the selector picks at each step, without the metric name: what
     * {@code timestamp()} gives for a selector.
     */
    StepValue.Vector timestamps(VectorSelector selector, Grid grid) {
        List<StepSeries> series = select(selector, grid, true);
        List<StepSeries> out = new ArrayList<>(series.size());
        for (StepSeries s : series) {
            out.add(s.withoutName());
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    private List<StepSeries> select(VectorSelector selector, Grid grid, boolean timestamps) {
        List<Series> series = evaluator.selections().select(selector);
        if (grid.count() == 0 || series.isEmpty()) {
            return new ArrayList<>();
        }
        QueryTimes times = evaluator.times();
        Execution execution = evaluator.execution();
        SeriesReader reader = evaluator.reader();
        long lookback = times.lookback();
        long firstRef = times.reference(selector.at(), selector.offset(), grid.start());
        long lastRef = times.reference(selector.at(), selector.offset(), grid.end());
        int count = grid.count();
        List<StepSeries> out = new ArrayList<>();
        double[] values = null;
        for (Series s : series) {
            execution.checkpoint();
            reader.read(s, firstRef - lookback + 1, lastRef, false);
            int n = reader.size();
            if (n == 0) {
                continue;
            }
            long[] t = reader.times();
            double[] v = reader.values();
            if (values == null) {
                values = new double[count];
            }
            int present = 0;
            int j = -1;
            for (int k = 0; k < count; k++) {
                long ref = times.reference(selector.at(), selector.offset(), grid.time(k));
                while (j + 1 < n && t[j + 1] <= ref) {
                    j++;
                }
                if (j < 0 || t[j] <= ref - lookback || StaleMarker.isStale(v[j])) {
                    values[k] = Steps.ABSENT;
                    continue;
                }
                values[k] = timestamps ? t[j] / 1000.0 : v[j];
                present++;
            }
            if (present > 0) {
                execution.hold(present);
                execution.touch(present);
                out.add(new StepSeries(s.labels(), values));
                values = null;
            }
        }
        return out;
    }
}
