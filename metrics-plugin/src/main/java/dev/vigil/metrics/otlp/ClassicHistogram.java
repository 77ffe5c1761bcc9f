package dev.vigil.metrics.otlp;

import java.util.List;

/** A histogram point as Prometheus's classic series need it: cumulative {@code le} buckets, a count, maybe a sum. */
interface ClassicHistogram {

    /** The cumulative buckets, ending with {@code +Inf} at {@link #count()}. */
    List<ClassicBucket> classicBuckets();

    /** The number of observations. */
    long count();

    /** The sum of observations, meaningful when {@link #hasSum()}. */
    double sum();

    /** Whether the point carries a sum. */
    boolean hasSum();
}
