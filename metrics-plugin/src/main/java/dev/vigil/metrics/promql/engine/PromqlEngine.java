package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import java.time.Duration;
import java.time.Instant;

/** The PromQL engine over a {@link MetricStore}. Thread-safe. */
public final class PromqlEngine implements MetricQuery {

    private final MetricStore store;
    private final EngineSettings settings;

    /** An engine reading {@code store} with {@code settings}. */
    public PromqlEngine(MetricStore store, EngineSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Query instantQuery(String expression, Instant time, QueryOptions options) throws QueryException {
        throw new UnsupportedOperationException("not written yet: " + store + settings);
    }

    @Override
    public Query rangeQuery(String expression, Instant start, Instant end, Duration step, QueryOptions options)
            throws QueryException {
        throw new UnsupportedOperationException("not written yet");
    }
}
