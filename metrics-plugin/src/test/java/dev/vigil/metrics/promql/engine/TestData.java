package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.testing.TestingMetricStore;

/** Writes test series into a store: one value every {@code interval} from time 0, null for a gap. */
final class TestData {

    /** The value that stands for a staleness marker in {@link #load}. */
    static final Double STALE = StaleMarker.VALUE;

    private TestData() {}

    static void load(TestingMetricStore store, long intervalMillis, Labels labels, Double... values) {
        try (MetricAppender appender = store.appender()) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    appender.append(0, labels, i * intervalMillis, values[i]);
                }
            }
            appender.commit();
        } catch (SampleRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count + 1} values from {@code first}, {@code increment} apart, as {@code first+incrementxcount}. */
    static Double[] series(double first, double increment, int count) {
        Double[] values = new Double[count + 1];
        for (int i = 0; i <= count; i++) {
            values[i] = first + i * increment;
        }
        return values;
    }
}
