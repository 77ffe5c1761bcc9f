package dev.vigil.metrics.remotewrite;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.SampleRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * Appends the series of one remote write request to a store's appender and decides what the request's
 * outcome is. Two kinds of problem are told apart:
 * <ul>
 *   <li>a problem of a <em>series</em> (labels that break the naming rules, or a store limit such as the
 *       series limit) concerns that series alone: its samples are skipped, the rest of the request is
 *       committed, and the request is answered 400 so that the sender does not retry it;</li>
 *   <li>a sample out of order, a duplicate timestamp with another value, or a sample out of bounds makes the
 *       whole request fail with 400 and nothing of it is committed, as Prometheus 2.42's receiver does (it
 *       rolls its appender back on the first such error).</li>
 * </ul>
 * One request; not thread-safe.
 */
final class RequestWriter implements WriteRequestDecoder.Visitor {

    private final MetricAppender appender;
    private long decodedSamples;
    private long skippedSamples;
    private long histograms;
    private int refusedSeries;
    private @Nullable String firstSeriesProblem;
    private @Nullable String orderingProblem;

    RequestWriter(MetricAppender appender) {
        this.appender = appender;
    }

    @Override
    public long series(Labels labels, long ref, long[] timestamps, double[] values, int count) {
        decodedSamples += count;
        if (orderingProblem != null) {
            // the request will be rolled back: only count what it holds
            return 0;
        }
        long stored = ref;
        for (int i = 0; i < count; i++) {
            try {
                stored = appender.append(stored, labels, timestamps[i], values[i]);
            } catch (SampleRejectedException e) {
                switch (e.reason()) {
                    case OUT_OF_ORDER, DUPLICATE_TIMESTAMP, OUT_OF_BOUNDS -> {
                        orderingProblem = e.getMessage();
                        return 0;
                    }
                    case SERIES_LIMIT, INVALID_LABELS -> {
                        seriesProblem(e.getMessage());
                        skippedSamples += count - i;
                        return 0;
                    }
                }
            }
        }
        return stored;
    }

    @Override
    public void invalidSeries(String problem, int samples) {
        decodedSamples += samples;
        skippedSamples += samples;
        seriesProblem(problem);
    }

    @Override
    public void unsupportedHistograms(int count) {
        histograms += count;
    }

    @Override
    public void metadata(String family, MetricMetadata metadata) {
        appender.metadata(family, metadata);
    }

    private void seriesProblem(String problem) {
        refusedSeries++;
        if (firstSeriesProblem == null) {
            firstSeriesProblem = problem;
        }
    }

    /** Whether the request must not be committed. */
    boolean mustRollBack() {
        return orderingProblem != null;
    }

    /** The one-line reason to answer 400 with, or null when every series was taken. */
    @Nullable String badRequestReason() {
        if (orderingProblem != null) {
            return orderingProblem + "; nothing of this request was written";
        }
        if (firstSeriesProblem != null) {
            return refusedSeries == 1 ? firstSeriesProblem
                    : firstSeriesProblem + " (and " + (refusedSeries - 1) + " more series refused)";
        }
        return null;
    }

    /** The samples the request held. */
    long decodedSamples() {
        return decodedSamples;
    }

    /** The samples skipped because their series was refused. */
    long skippedSamples() {
        return skippedSamples;
    }

    /** The native histogram samples skipped. */
    long histograms() {
        return histograms;
    }
}
