package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;
import java.util.Map;

/**
 * A store of series and their samples. Receivers write through {@link #appender()}; query engines read
 * through {@link #querier(long, long)}. Timestamps are milliseconds since the epoch.
 *
 * <p>What a store promises: a sample is visible to queriers and durable (it survives the process being
 * killed) once the {@link MetricAppender#commit() commit} that added it has returned; samples of one series
 * are kept in timestamp order, and a sample that would break that order is refused as Prometheus refuses it
 * (see {@link SampleRejectedException.Reason}).
 *
 * <p>The store is owned by the plugin that publishes it; consumers look it up in the service registry when
 * they need it. Thread-safe.
 */
@Experimental
public interface MetricStore {

    /** A new appender: a batch of samples that becomes visible and durable together. */
    MetricAppender appender();

    /**
     * A view of the samples with timestamps from {@code minTime} to {@code maxTime}, both included. The
     * view may see samples committed after it was opened. Close it when done.
     *
     * @throws IllegalArgumentException if {@code minTime > maxTime}
     */
    MetricQuerier querier(long minTime, long maxTime);

    /** The metadata last written for each metric family, by family name. */
    Map<String, MetricMetadata> metadata();

    /** Figures about the store, for status pages and meters. */
    MetricStoreStats stats();
}
