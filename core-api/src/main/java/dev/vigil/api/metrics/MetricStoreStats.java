package dev.vigil.api.metrics;

/**
 * Figures about a {@link MetricStore} at one moment.
 *
 * @param series how many series the store holds
 * @param samples how many samples it holds, or {@code -1} if it cannot tell cheaply
 * @param minTime the oldest timestamp it holds, or {@link Long#MAX_VALUE} when it is empty
 * @param maxTime the newest timestamp it holds, or {@link Long#MIN_VALUE} when it is empty
 * @param bytesOnDisk the bytes it uses on disk
 */
public record MetricStoreStats(long series, long samples, long minTime, long maxTime, long bytesOnDisk) {}
