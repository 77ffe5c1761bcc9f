package dev.vigil.api.metrics;

/** The type of a metric family, as in the Prometheus and OpenMetrics exposition formats. */
public enum MetricType {
    /** A value that only goes up, or resets to zero. */
    COUNTER,
    /** A value that goes up and down. */
    GAUGE,
    /** Buckets of observations with {@code _bucket}, {@code _sum} and {@code _count} series. */
    HISTOGRAM,
    /** Like a histogram, for OpenMetrics's gauge histograms. */
    GAUGE_HISTOGRAM,
    /** Quantiles of observations with {@code _sum} and {@code _count} series. */
    SUMMARY,
    /** Information about the target, with value 1. */
    INFO,
    /** A set of boolean states, each a series with value 0 or 1. */
    STATESET,
    /** No type given. */
    UNKNOWN
}
