package dev.vigil.metrics.store;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads samples back out of a store, for assertions. */
final class StoreSamples {

    /** One sample with the raw bits of its value, so that NaNs compare exactly. */
    record Sample(long timestamp, long bits) {
        static Sample of(long timestamp, double value) {
            return new Sample(timestamp, Double.doubleToRawLongBits(value));
        }
    }

    private StoreSamples() {}

    static Map<Labels, List<Sample>> read(MetricStore store, long min, long max, LabelMatcher... matchers) {
        Map<Labels, List<Sample>> out = new LinkedHashMap<>();
        try (MetricQuerier querier = store.querier(min, max)) {
            for (Series series : querier.select(List.of(matchers))) {
                List<Sample> samples = new ArrayList<>();
                SampleCursor cursor = series.cursor();
                while (cursor.next()) {
                    samples.add(new Sample(cursor.timestamp(), Double.doubleToRawLongBits(cursor.value())));
                }
                out.put(series.labels(), samples);
            }
        }
        return out;
    }

    static List<Sample> read(MetricStore store, Labels labels) {
        List<LabelMatcher> matchers = new ArrayList<>();
        labels.forEach((name, value) -> matchers.add(LabelMatcher.equal(name, value)));
        return read(store, Long.MIN_VALUE, Long.MAX_VALUE, matchers.toArray(new LabelMatcher[0]))
                .getOrDefault(labels, List.of());
    }
}
