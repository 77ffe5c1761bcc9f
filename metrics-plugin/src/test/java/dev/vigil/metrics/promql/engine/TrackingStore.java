package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.metrics.Series;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A store over a {@link TestingMetricStore} that counts the views left open and can act when a query selects. */
final class TrackingStore implements MetricStore {

    private final TestingMetricStore delegate;
    private final AtomicInteger open = new AtomicInteger();
    private volatile Runnable onSelect = () -> {};

    TrackingStore(TestingMetricStore delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code action} each time a query selects series. */
    void onSelect(Runnable action) {
        this.onSelect = action;
    }

    /** How many views are open. */
    int openQueriers() {
        return open.get();
    }

    @Override
    public MetricAppender appender() {
        return delegate.appender();
    }

    @Override
    public MetricQuerier querier(long minTime, long maxTime) {
        MetricQuerier querier = delegate.querier(minTime, maxTime);
        open.incrementAndGet();
        return new MetricQuerier() {
            @Override
            public List<Series> select(List<LabelMatcher> matchers) {
                onSelect.run();
                return querier.select(matchers);
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
                open.decrementAndGet();
                querier.close();
            }
        };
    }

    @Override
    public Map<String, MetricMetadata> metadata() {
        return delegate.metadata();
    }

    @Override
    public MetricStoreStats stats() {
        return delegate.stats();
    }
}
