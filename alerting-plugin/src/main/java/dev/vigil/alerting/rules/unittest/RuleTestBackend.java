package dev.vigil.alerting.rules.unittest;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import java.time.Duration;

/**
 * An empty metric store and a PromQL engine over it, for one test group: the runner loads the group's input series
 * into the store, writes the rules' results there and asks the engine. Closed when the group is done.
 */
public interface RuleTestBackend extends AutoCloseable {

    /** The store, empty when the backend is created. */
    MetricStore store();

    /** The engine over {@link #store()}. */
    MetricQuery query();

    /** Releases the store; by default nothing. */
    @Override
    default void close() {}

    /** Creates a fresh backend for each test group. */
    @FunctionalInterface
    interface Factory {
        /**
         * A new backend with an empty store.
         *
         * @param evaluationInterval the test file's evaluation interval, which promtool also uses as the default
         *     step of subqueries; an engine that can be configured so should be
         */
        RuleTestBackend create(Duration evaluationInterval);
    }

    /** A backend of a store and an engine, closing nothing. */
    static RuleTestBackend of(MetricStore store, MetricQuery query) {
        java.util.Objects.requireNonNull(store, "store is null");
        java.util.Objects.requireNonNull(query, "query is null");
        return new RuleTestBackend() {
            @Override
            public MetricStore store() {
                return store;
            }

            @Override
            public MetricQuery query() {
                return query;
            }
        };
    }
}
