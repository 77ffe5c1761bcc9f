package dev.vigil.metrics.promql.functions;

import java.util.Arrays;

/**
 * The buckets of one classic histogram at one step — upper bounds (from the {@code le} label, see
 * {@link BucketLabel}) and cumulative counts — and the two functions over them: {@link #quantile}
 * ({@code histogram_quantile}) and {@link #fraction} ({@code histogram_fraction}).
 *
 * <p>The evaluator groups the bucket series of each histogram, {@link #add}s one bucket per series in any order,
 * calls one of the functions (for {@code histogram_quantiles}, {@link #quantile} once per φ), then
 * {@link #clear()}s the set to reuse it. Buckets are sorted by bound and buckets with the same bound are merged
 * by adding their counts. {@link #quantile} also raises counts that decrease with the bound (after ignoring
 * differences below one part in 10<sup>12</sup>, which are rounding noise) and reports it through
 * {@link #forcedMonotonic()}: the evaluator then adds the info {@link Messages#forcedMonotonicity}. Not
 * thread-safe.
 */
public final class ClassicBuckets {

    /** Relative differences between neighbouring counts below this are rounding noise, not decreases. */
    private static final double NOISE = 1e-12;
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private double[] bounds = new double[16];
    private double[] counts = new double[16];
    private int size;
    private boolean merged;
    private boolean monotonic;
    private boolean forcedMonotonic;
    private boolean ignoredNoise;
    private double forcedLowestBound;
    private double forcedHighestBound;
    private double forcedLargestDrop;

    /** An empty set. */
    public ClassicBuckets() {}

    /** Adds a bucket: all observations up to {@code upperBound}. */
    public void add(double upperBound, double cumulativeCount) {
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        bounds[size] = upperBound;
        counts[size] = cumulativeCount;
        size++;
        merged = false;
        monotonic = false;
    }

    /** How many buckets there are (after a function ran: distinct bounds). */
    public int size() {
        return size;
    }

    /** Forgets every bucket and every report. */
    public void clear() {
        size = 0;
        merged = false;
        monotonic = false;
        forcedMonotonic = false;
        ignoredNoise = false;
    }

    /**
     * The φ-quantile of the observations, interpolating linearly inside the bucket where it falls. NaN when φ is
     * NaN, when there is no {@code +Inf} bucket, fewer than two distinct bounds or no observation; -Inf for
     * φ &lt; 0 and +Inf for φ &gt; 1. In the highest bucket the result is the second-highest bound; in the
     * lowest, interpolation starts at 0 when its bound is positive, else the result is that bound.
     */
    public double quantile(double q) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (!mergeSorted()) {
            return Double.NaN;
        }
        makeMonotonic();
        if (size < 2) {
            return Double.NaN;
        }
        double observations = counts[size - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = firstReaching(rank);
        if (b == size - 1) {
            return bounds[size - 2];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double bucketStart = 0;
        double bucketEnd = bounds[b];
        double count = counts[b];
        if (b > 0) {
            bucketStart = bounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    /**
     * The fraction of the observations between {@code lower} and {@code upper}, interpolating linearly inside
     * buckets. The lowest bucket starts at 0 when its bound is positive, else at -Inf; a bucket with an infinite
     * side contributes all of itself or nothing. NaN when there is no {@code +Inf} bucket, no observation, or a
     * NaN bound; 0 when {@code lower >= upper}. Counts are taken as they are (no monotonicity fix).
     */
    public double fraction(double lower, double upper) {
        if (!mergeSorted()) {
            return Double.NaN;
        }
        double total = counts[size - 1];
        if (total == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        double lowerBound = bounds[0] <= 0 ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                lowerBound = bounds[i - 1];
            }
            double upperBound = bounds[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && upperBound > lower) {
                lowerRank = interpolate(rank, counts[i], lowerBound, upperBound, lower);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upper && upperBound > upper) {
                upperRank = interpolate(rank, counts[i], lowerBound, upperBound, upper);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = counts[i];
        }
        if (!lowerSet || lowerRank > total) {
            lowerRank = total;
        }
        if (!upperSet || upperRank > total) {
            upperRank = total;
        }
        return (upperRank - lowerRank) / total;
    }

    /** Whether the last {@link #quantile} had to raise decreasing counts (an info for the user). */
    public boolean forcedMonotonic() {
        return forcedMonotonic;
    }

    /** Whether the last {@link #quantile} evened out differences small enough to be rounding noise (no info). */
    public boolean ignoredNoise() {
        return ignoredNoise;
    }

    /** The lowest bound whose count was raised, when {@link #forcedMonotonic()}. */
    public double forcedLowestBound() {
        return forcedLowestBound;
    }

    /** The highest bound whose count was raised, when {@link #forcedMonotonic()}. */
    public double forcedHighestBound() {
        return forcedHighestBound;
    }

    /** The largest amount a count was raised by, when {@link #forcedMonotonic()}. */
    public double forcedLargestDrop() {
        return forcedLargestDrop;
    }

    /** The cumulative count up to {@code value} in a bucket from {@code lowerBound} holding up to {@code count}. */
    private static double interpolate(double rank, double count, double lowerBound, double upperBound, double value) {
        if (lowerBound == Double.NEGATIVE_INFINITY) {
            return count;
        }
        return rank + (count - rank) * (value - lowerBound) / (upperBound - lowerBound);
    }

    /** Sorts and merges the buckets once; false when there are none or the highest bound is not +Inf. */
    private boolean mergeSorted() {
        if (size == 0) {
            return false;
        }
        if (!merged) {
            sortByBound();
            if (bounds[size - 1] != Double.POSITIVE_INFINITY) {
                return false;
            }
            int last = 0;
            for (int i = 1; i < size; i++) {
                if (bounds[i] == bounds[last]) {
                    counts[last] += counts[i];
                } else {
                    last++;
                    bounds[last] = bounds[i];
                    counts[last] = counts[i];
                }
            }
            size = last + 1;
            merged = true;
        }
        return true;
    }

    /** Insertion sort on the bound: bucket sets are small and usually already in order. */
    private void sortByBound() {
        for (int i = 1; i < size; i++) {
            double bound = bounds[i];
            double count = counts[i];
            int j = i - 1;
            while (j >= 0 && bounds[j] > bound) {
                bounds[j + 1] = bounds[j];
                counts[j + 1] = counts[j];
                j--;
            }
            bounds[j + 1] = bound;
            counts[j + 1] = count;
        }
    }

    private void makeMonotonic() {
        if (monotonic) {
            return;
        }
        monotonic = true;
        forcedMonotonic = false;
        ignoredNoise = false;
        forcedLowestBound = Double.POSITIVE_INFINITY;
        forcedHighestBound = Double.NEGATIVE_INFINITY;
        forcedLargestDrop = 0;
        double previous = counts[0];
        for (int i = 1; i < size; i++) {
            double current = counts[i];
            if (current == previous) {
                continue;
            }
            if (nearlyEqual(previous, current)) {
                counts[i] = previous;
                ignoredNoise = true;
                continue;
            }
            if (current < previous) {
                counts[i] = previous;
                forcedMonotonic = true;
                forcedLowestBound = Math.min(forcedLowestBound, bounds[i]);
                forcedHighestBound = Math.max(forcedHighestBound, bounds[i]);
                forcedLargestDrop = Math.max(forcedLargestDrop, previous - current);
                continue;
            }
            previous = current;
        }
    }

    /** Whether a and b differ by less than {@link #NOISE} of their magnitudes. */
    private static boolean nearlyEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        double sum = Math.abs(a) + Math.abs(b);
        double difference = Math.abs(a - b);
        if (a == 0 || b == 0 || sum < MIN_NORMAL) {
            return difference < NOISE * MIN_NORMAL;
        }
        return difference / Math.min(sum, Double.MAX_VALUE) < NOISE;
    }

    /** The first bucket below the highest whose count reaches {@code rank}, or the highest. */
    private int firstReaching(double rank) {
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (counts[middle] >= rank) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
