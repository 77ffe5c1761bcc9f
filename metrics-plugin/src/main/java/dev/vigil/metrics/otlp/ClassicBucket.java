package dev.vigil.metrics.otlp;

/**
 * One {@code _bucket} series of a classic Prometheus histogram.
 *
 * @param upperBound the {@code le} bound
 * @param cumulativeCount how many observations are at or below the bound
 */
record ClassicBucket(double upperBound, long cumulativeCount) {}
