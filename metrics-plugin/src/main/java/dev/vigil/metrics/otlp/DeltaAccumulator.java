package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Turns delta-temporality points into cumulative ones by keeping a running total per series, because
 * Prometheus series are cumulative and the specification asks for deltas to be accumulated rather than
 * dropped.
 *
 * <p>The totals are bounded: at most {@code maxSeries} are kept, and the one used least recently goes first
 * (each eviction is counted). An evicted series starts again from its next delta, which queries see as a
 * counter reset, so {@code rate()} and {@code increase()} stay right; only the absolute value restarts.
 *
 * <p>A request stages its totals in a {@link Session} and publishes them only after its samples were
 * committed, so a request the store could not write leaves the totals as they were and its retry is not
 * counted twice. A point not newer than the last one accumulated for its series is refused for the same
 * reason. Sessions that touch totals run one at a time.
 */
final class DeltaAccumulator {

    /** How many series' totals are kept by default. */
    static final int DEFAULT_MAX_SERIES = 100_000;

    /** The series a running total belongs to. */
    record Key(String kind, Labels labels) {
        Key {
            requireNonNull(kind, "kind is null");
            requireNonNull(labels, "labels is null");
        }
    }

    private record Total(long timeUnixNano, Object value) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Total> totals;

    DeltaAccumulator(int maxSeries, Counter evictions) {
        if (maxSeries <= 0) {
            throw new IllegalArgumentException("maxSeries must be positive, got " + maxSeries);
        }
        requireNonNull(evictions, "evictions is null");
        this.totals = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Total> eldest) {
                if (size() > maxSeries) {
                    evictions.increment();
                    return true;
                }
                return false;
            }
        };
    }

    /** A new session for one request; it takes the accumulator's lock only once a delta point arrives. */
    Session session() {
        return new Session();
    }

    /** How many series have a running total. */
    int size() {
        lock.lock();
        try {
            return totals.size();
        } finally {
            lock.unlock();
        }
    }

    /** The running totals staged by one request. One thread; close it in a {@code finally}. */
    final class Session implements AutoCloseable {
        private final Map<Key, Total> staged = new LinkedHashMap<>();
        private boolean locked;

        private Session() {}

        /**
         * Adds a delta to its series' total.
         *
         * @return the new total, or null if the point is not newer than the last one of its series
         */
        @Nullable Double addSum(Key key, long timeUnixNano, double delta) {
            return add(key, timeUnixNano, delta, Double.class, Double::sum);
        }

        /** Adds a delta histogram; see {@link #addSum}. */
        @Nullable ExplicitHistogram addHistogram(Key key, long timeUnixNano, ExplicitHistogram delta) {
            return add(key, timeUnixNano, delta, ExplicitHistogram.class, ExplicitHistogram::plus);
        }

        /** Adds a delta exponential histogram; see {@link #addSum}. */
        @Nullable ExponentialHistogram addExponential(Key key, long timeUnixNano, ExponentialHistogram delta) {
            return add(key, timeUnixNano, delta, ExponentialHistogram.class, ExponentialHistogram::plus);
        }

        /** Makes the staged totals the accumulator's; call after the samples built from them were committed. */
        void publish() {
            if (locked) {
                totals.putAll(staged);
                staged.clear();
            }
        }

        /** Drops what was not published and lets other sessions in. */
        @Override
        public void close() {
            staged.clear();
            if (locked) {
                locked = false;
                lock.unlock();
            }
        }

        private <T> @Nullable T add(Key key, long timeUnixNano, T delta, Class<T> type, BinaryOperator<T> plus) {
            if (!locked) {
                lock.lock();
                locked = true;
            }
            Total previous = staged.containsKey(key) ? staged.get(key) : totals.get(key);
            if (previous != null && timeUnixNano <= previous.timeUnixNano()) {
                return null;
            }
            T next = previous != null && type.isInstance(previous.value()) ? plus.apply(type.cast(previous.value()), delta) : delta;
            staged.put(key, new Total(timeUnixNano, next));
            return next;
        }
    }
}
