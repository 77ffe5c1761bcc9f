package dev.vigil.metrics.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** A read view of a {@link Tsdb} over a time range. Thread-safe. */
final class TsdbQuerier implements MetricQuerier {

    private final Tsdb db;
    private final long minTime;
    private final long maxTime;

    TsdbQuerier(Tsdb db, long minTime, long maxTime) {
        this.db = db;
        this.minTime = minTime;
        this.maxTime = maxTime;
    }

    @Override
    public List<Series> select(List<LabelMatcher> matchers) {
        requireNonNull(matchers, "matchers is null");
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a selection needs at least one matcher");
        }
        if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
            throw new IllegalArgumentException("a selection needs at least one matcher that does not match the empty "
                    + "value, got " + matchers);
        }
        return new ArrayList<>(find(matchers));
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers) {
        TreeSet<String> names = new TreeSet<>();
        for (StoredSeries series : find(requireNonNull(matchers, "matchers is null"))) {
            names.addAll(series.labels().names());
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers) {
        requireNonNull(name, "name is null");
        TreeSet<String> values = new TreeSet<>();
        for (StoredSeries series : find(requireNonNull(matchers, "matchers is null"))) {
            String value = series.labels().get(name);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    private List<StoredSeries> find(List<LabelMatcher> matchers) {
        List<StoredSeries> found = db.seriesWithSamples(Selection.select(db.registry(), matchers), minTime, maxTime);
        found.sort(Comparator.comparing(StoredSeries::labels));
        return found;
    }

    @Override
    public void close() {
        // a querier holds nothing: each selection copies what it needs
    }
}
