package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;

/**
 * A batch of samples on its way into a {@link MetricStore}. Nothing is visible until {@link #commit()};
 * {@link #close()} without a commit discards the batch. One thread at a time; open one per request or per
 * scrape.
 */
@Experimental
public interface MetricAppender extends AutoCloseable {

    /**
     * Adds a sample to the batch.
     *
     * @param ref what an earlier call returned for the same {@code labels}, or {@code 0}; a store may use it to
     *     skip the lookup of the series, and must fall back to {@code labels} when it no longer knows it
     * @param labels the series
     * @param timestamp milliseconds since the epoch
     * @param value the value; {@link StaleMarker#VALUE} marks the series stale
     * @return a reference to the series for later calls with the same labels; never {@code 0}
     * @throws SampleRejectedException if the store refuses this sample; the rest of the batch is unaffected
     */
    long append(long ref, Labels labels, long timestamp, double value) throws SampleRejectedException;

    /** Records what the metric family {@code family} is; applied on commit. */
    void metadata(String family, MetricMetadata metadata);

    /**
     * Makes the batch visible and durable. After it returns, the samples survive the process being killed.
     *
     * @return how many samples were committed
     * @throws java.io.UncheckedIOException if the batch could not be written; then none of it is visible
     * @throws IllegalStateException if the appender was already committed or closed
     */
    int commit();

    /** Discards what was not committed. Does nothing after {@link #commit()}. */
    @Override
    void close();
}
