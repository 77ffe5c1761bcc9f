package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The counts of an OTLP base-2 exponential histogram point, by bucket index, in a form that deltas can be
 * added to and that converts to classic Prometheus buckets.
 *
 * <p>At scale {@code s} the base is {@code 2^(2^-s)}; positive bucket {@code i} holds values in
 * {@code (base^i, base^(i+1)]} and negative bucket {@code i} the values in {@code [-base^(i+1), -base^i)}.
 *
 * @param scale the scale
 * @param zeroCount how many values fell in the zero bucket, {@code [-zeroThreshold, zeroThreshold]}
 * @param zeroThreshold the zero bucket's half-width
 * @param positive the counts of positive buckets by index (no empty ones needed)
 * @param negative the counts of negative buckets by index (no empty ones needed)
 * @param count the number of observations
 * @param sum the sum of observations, meaningful when {@code hasSum}
 * @param hasSum whether the point carries a sum
 */
record ExponentialHistogram(int scale, long zeroCount, double zeroThreshold, NavigableMap<Integer, Long> positive,
        NavigableMap<Integer, Long> negative, long count, double sum, boolean hasSum) implements ClassicHistogram {

    ExponentialHistogram {
        positive = Collections.unmodifiableNavigableMap(new TreeMap<>(requireNonNull(positive, "positive is null")));
        negative = Collections.unmodifiableNavigableMap(new TreeMap<>(requireNonNull(negative, "negative is null")));
    }

    /** The histogram of a point. */
    static ExponentialHistogram of(ExponentialHistogramDataPoint point) {
        return new ExponentialHistogram(point.getScale(), point.getZeroCount(), point.getZeroThreshold(),
                indexed(point.getPositive()), indexed(point.getNegative()), point.getCount(), point.getSum(), point.hasSum());
    }

    /** This histogram plus a later delta, both brought to the smaller of their two scales. */
    ExponentialHistogram plus(ExponentialHistogram delta) {
        int target = Math.min(scale, delta.scale);
        ExponentialHistogram a = downscaled(target);
        ExponentialHistogram b = delta.downscaled(target);
        return new ExponentialHistogram(target, a.zeroCount + b.zeroCount, Math.max(a.zeroThreshold, b.zeroThreshold),
                merged(a.positive, b.positive, 0), merged(a.negative, b.negative, 0), a.count + b.count, a.sum + b.sum,
                a.hasSum && b.hasSum);
    }

    /**
     * The histogram at a scale no higher than this one's: each bucket folds into the one that holds it at the
     * lower scale.
     */
    ExponentialHistogram downscaled(int targetScale) {
        if (targetScale >= scale) {
            return this;
        }
        int shift = scale - targetScale;
        return new ExponentialHistogram(targetScale, zeroCount, zeroThreshold, merged(positive, Map.of(), shift),
                merged(negative, Map.of(), shift), count, sum, hasSum);
    }

    /**
     * The classic {@code le} buckets, cumulative and strictly increasing, ending with {@code +Inf} at
     * {@link #count}. Negative buckets come first, each bounded above by {@code -base^index}; then the zero
     * bucket bounded by {@code zeroThreshold} (so {@code le="0"} when the threshold is zero); then the positive
     * buckets bounded by {@code base^(index+1)}. A bound that is not above the previous one (only in a histogram
     * whose zero threshold overlaps its buckets) folds its count into the previous bucket; a bound too large for
     * a double is left to {@code +Inf}.
     */
    @Override
    public List<ClassicBucket> classicBuckets() {
        List<ClassicBucket> out = new ArrayList<>(positive.size() + negative.size() + 2);
        long cumulative = 0;
        for (Map.Entry<Integer, Long> e : negative.descendingMap().entrySet()) {
            cumulative += e.getValue();
            add(out, -bound(e.getKey()), cumulative);
        }
        cumulative += zeroCount;
        add(out, zeroThreshold, cumulative);
        for (Map.Entry<Integer, Long> e : positive.entrySet()) {
            cumulative += e.getValue();
            add(out, bound(e.getKey() + 1L), cumulative);
        }
        out.add(new ClassicBucket(Double.POSITIVE_INFINITY, count));
        return out;
    }

    /** {@code base^index}, that is {@code 2^(index * 2^-scale)}. */
    private double bound(long index) {
        return Math.pow(2, Math.scalb((double) index, -scale));
    }

    private static void add(List<ClassicBucket> out, double bound, long cumulative) {
        if (!Double.isFinite(bound)) {
            return;
        }
        if (!out.isEmpty() && bound <= out.get(out.size() - 1).upperBound()) {
            out.set(out.size() - 1, new ClassicBucket(out.get(out.size() - 1).upperBound(), cumulative));
            return;
        }
        out.add(new ClassicBucket(bound, cumulative));
    }

    private static NavigableMap<Integer, Long> indexed(ExponentialHistogramDataPoint.Buckets buckets) {
        NavigableMap<Integer, Long> counts = new TreeMap<>();
        int offset = buckets.getOffset();
        for (int i = 0; i < buckets.getBucketCountsCount(); i++) {
            long c = buckets.getBucketCounts(i);
            if (c != 0) {
                counts.put(offset + i, c);
            }
        }
        return counts;
    }

    private static NavigableMap<Integer, Long> merged(Map<Integer, Long> a, Map<Integer, Long> b, int shift) {
        NavigableMap<Integer, Long> out = new TreeMap<>();
        // >> floors for negative indexes too, which is how a bucket maps to the one holding it at a lower scale
        a.forEach((index, c) -> out.merge(index >> shift, c, Long::sum));
        b.forEach((index, c) -> out.merge(index >> shift, c, Long::sum));
        return out;
    }
}
