package dev.vigil.metrics.promql.functions;

import dev.vigil.metrics.promql.text.GoFloats;
import dev.vigil.metrics.promql.text.GoStrings;

/**
 * The wording of the warnings, infos and errors that functions produce, as Prometheus words them, without the
 * {@code PromQL warning: } prefix and the position that {@link dev.vigil.metrics.promql.Annotations} adds. The
 * kernels here use them, and the evaluator uses them for what it reports itself (the bucket label and
 * monotonicity annotations of {@code histogram_quantile}, the quantile warning of the {@code quantile}
 * aggregation). Stateless and thread-safe.
 */
public final class Messages {

    private static final String DOCS = "https://prometheus.io/docs/prometheus/latest/querying/functions/";

    private Messages() {}

    /** Warning for a φ outside [0, 1]: {@code quantile value should be between 0 and 1, got 2}. */
    public static String invalidQuantile(double q) {
        return "quantile value should be between 0 and 1, got " + GoFloats.g(q);
    }

    /**
     * Info for {@code rate} or {@code increase} of a float series whose name does not look like a counter:
     * {@code metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "x"}.
     */
    public static String possibleNonCounter(String metricName) {
        return "metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
                + GoStrings.quote(metricName);
    }

    /**
     * Warning for a classic bucket whose {@code le} label is missing or does not parse:
     * {@code bucket label "le" is missing or has a malformed value of "x" for metric name "m"} (the metric name
     * part only when {@code metricName} is not empty).
     */
    public static String badBucketLabel(String metricName, String leValue) {
        return withMetricName("bucket label \"le\" is missing or has a malformed value of " + GoStrings.quote(leValue),
                metricName);
    }

    /**
     * Info when {@link ClassicBuckets#forcedMonotonic()} reports that decreasing bucket counts had to be raised:
     * {@code input to histogram_quantile needed to be fixed for monotonicity (see ...)}, with
     * {@code for metric name "m"} when {@code metricName} is not empty.
     */
    public static String forcedMonotonicity(String metricName) {
        return withMetricName("input to histogram_quantile needed to be fixed for monotonicity (see " + DOCS
                + "#histogram_quantile)", metricName);
    }

    /** Error for a smoothing factor outside (0, 1) in {@code double_exponential_smoothing}. */
    public static String invalidSmoothingFactor(double sf) {
        return "invalid smoothing factor. Expected: 0 < sf < 1, got: " + GoFloats.fixed(sf);
    }

    /** Error for a trend factor outside (0, 1) in {@code double_exponential_smoothing}. */
    public static String invalidTrendFactor(double tf) {
        return "invalid trend factor. Expected: 0 < tf < 1, got: " + GoFloats.fixed(tf);
    }

    private static String withMetricName(String message, String metricName) {
        return metricName.isEmpty() ? message : message + " for metric name " + GoStrings.quote(metricName);
    }
}
