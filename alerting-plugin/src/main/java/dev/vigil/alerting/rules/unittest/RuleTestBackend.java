package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.MetricStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

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

        /**
         * Backends of a new store from {@code stores} each time, with the engine {@code engines} makes over it, such
         * as {@code Factory.of(TestingMetricStore::new, store -> new PromqlEngine(store, settings))}.
         */
        static Factory of(Supplier<? extends MetricStore> stores,
                Function<? super MetricStore, ? extends MetricQuery> engines) {
            requireNonNull(stores, "stores is null");
            requireNonNull(engines, "engines is null");
            return interval -> {
                MetricStore store = stores.get();
                return RuleTestBackend.of(store, engines.apply(store));
            };
        }

        /**
         * Backends of a new sandbox of {@code sandboxes} each time, whose subqueries without a step use the test file's
         * evaluation interval as promtool's do; closing the backend closes the sandbox.
         *
         * @throws UncheckedIOException from {@link Factory#create} if a sandbox cannot be made
         */
        static Factory of(MetricSandbox.Factory sandboxes) {
            requireNonNull(sandboxes, "sandboxes is null");
            return interval -> {
                MetricSandbox sandbox;
                try {
                    sandbox = sandboxes.create(interval);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot make a metric store for the test group", e);
                }
                return new RuleTestBackend() {
                    @Override
                    public MetricStore store() {
                        return sandbox.store();
                    }

                    @Override
                    public MetricQuery query() {
                        return sandbox.query();
                    }

                    @Override
                    public void close() {
                        sandbox.close();
                    }
                };
            };
        }
    }

    /** A backend of a store and an engine, closing nothing. */
    static RuleTestBackend of(MetricStore store, MetricQuery query) {
        requireNonNull(store, "store is null");
        requireNonNull(query, "query is null");
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
