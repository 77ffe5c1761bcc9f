package dev.vigil.benchmarks.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.metrics.Series;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A store that counts what the PromQL engine reads through it: how many series its selectors returned, summed over
 * every {@link MetricQuerier#select} call. Everything else, and the series themselves, go straight to the store
 * underneath, so the count costs one addition per selector. Thread-safe.
 */
final class CountingStore implements MetricStore {

    private final MetricStore store;
    private final LongAdder selected = new LongAdder();

    CountingStore(MetricStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The series selected so far. */
    long selectedSeries() {
        return selected.sum();
    }

    @Override
    public MetricAppender appender() {
        return store.appender();
    }

    @Override
    public MetricQuerier querier(long minTime, long maxTime) {
        MetricQuerier querier = store.querier(minTime, maxTime);
        return new MetricQuerier() {
            @Override
            public List<Series> select(List<LabelMatcher> matchers) {
                List<Series> series = querier.select(matchers);
                selected.add(series.size());
                return series;
            }

            @Override
            public List<String> labelNames(List<LabelMatcher> matchers) {
                return querier.labelNames(matchers);
            }

            @Override
            public List<String> labelValues(String name, List<LabelMatcher> matchers) {
                return querier.labelValues(name, matchers);
            }

            @Override
            public void close() {
                querier.close();
            }
        };
    }

    @Override
    public Map<String, MetricMetadata> metadata() {
        return store.metadata();
    }

    @Override
    public MetricStoreStats stats() {
        return store.stats();
    }
}
