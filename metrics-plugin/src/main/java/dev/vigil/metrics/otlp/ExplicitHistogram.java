package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts of an OTLP explicit-bucket histogram point, in a form that deltas can be added to.
 *
 * @param bounds the bucket upper bounds, ascending
 * @param bucketCounts the count of each bucket ({@code bounds.size() + 1} of them, the last above every
 *     bound), or empty when the point has only a count and a sum
 * @param count the number of observations
 * @param sum the sum of observations, meaningful when {@code hasSum}
 * @param hasSum whether the point carries a sum
 */
record ExplicitHistogram(List<Double> bounds, List<Long> bucketCounts, long count, double sum, boolean hasSum) implements ClassicHistogram {

    ExplicitHistogram {
        bounds = List.copyOf(requireNonNull(bounds, "bounds is null"));
        bucketCounts = List.copyOf(requireNonNull(bucketCounts, "bucketCounts is null"));
        if (!bucketCounts.isEmpty() && bucketCounts.size() != bounds.size() + 1) {
            throw new IllegalArgumentException(bucketCounts.size() + " bucket counts for " + bounds.size()
                    + " explicit bounds (there must be one more count than bounds)");
        }
        for (double bound : bounds) {
            if (Double.isNaN(bound)) {
                throw new IllegalArgumentException("an explicit bound is NaN: " + bounds);
            }
        }
        for (int i = 1; i < bounds.size(); i++) {
            if (!(bounds.get(i) > bounds.get(i - 1))) {
                throw new IllegalArgumentException("explicit bounds are not strictly increasing: " + bounds);
            }
        }
    }

    /**
     * The histogram of a point.
     *
     * @throws IllegalArgumentException if the point's buckets do not fit its bounds
     */
    static ExplicitHistogram of(HistogramDataPoint point) {
        return new ExplicitHistogram(point.getExplicitBoundsList(), point.getBucketCountsList(), point.getCount(),
                point.getSum(), point.hasSum());
    }

    /** This histogram plus a later delta; a delta with other bounds starts over from the delta. */
    ExplicitHistogram plus(ExplicitHistogram delta) {
        if (!bounds.equals(delta.bounds) || bucketCounts.size() != delta.bucketCounts.size()) {
            return delta;
        }
        List<Long> counts = new ArrayList<>(bucketCounts.size());
        for (int i = 0; i < bucketCounts.size(); i++) {
            counts.add(bucketCounts.get(i) + delta.bucketCounts.get(i));
        }
        return new ExplicitHistogram(bounds, counts, count + delta.count, sum + delta.sum, hasSum && delta.hasSum);
    }

    /** The classic {@code le} buckets, cumulative, ending with {@code +Inf} at {@link #count}. */
    @Override
    public List<ClassicBucket> classicBuckets() {
        List<ClassicBucket> out = new ArrayList<>(bounds.size() + 1);
        long cumulative = 0;
        for (int i = 0; i < bounds.size() && !bucketCounts.isEmpty(); i++) {
            cumulative += bucketCounts.get(i);
            if (Double.isFinite(bounds.get(i))) {
                out.add(new ClassicBucket(bounds.get(i), cumulative));
            }
        }
        out.add(new ClassicBucket(Double.POSITIVE_INFINITY, count));
        return out;
    }
}
