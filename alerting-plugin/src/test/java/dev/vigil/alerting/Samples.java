package dev.vigil.alerting;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleRejectedException;

/** Writes samples into a running platform's metric store, as a receiver would. */
final class Samples {

    private Samples() {}

    /** Writes {@code value} for each of {@code series} at {@code timestampMillis}. */
    static void write(MetricStore store, long timestampMillis, double value, Labels... series) {
        try (MetricAppender appender = store.appender()) {
            for (Labels labels : series) {
                appender.append(0, labels, timestampMillis, value);
            }
            appender.commit();
        } catch (SampleRejectedException e) {
            throw new AssertionError("the store refused a sample: " + e.getMessage(), e);
        }
    }
}
