package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.api.metrics.StaleMarker;
import java.util.Arrays;

/**
 * Reads the samples of one series at a time into arrays it reuses, so that evaluating a selector allocates
 * nothing per sample. Not thread-safe.
 */
final class SeriesReader {

    private static final int CHECK_EVERY = 4096;

    private final Execution execution;
    private long[] times = new long[256];
    private double[] values = new double[256];
    private int size;

    SeriesReader(Execution execution) {
        this.execution = execution;
    }

    /**
     * Reads the samples of {@code series} with timestamps from {@code minTime} to {@code maxTime}, both included.
     *
     * @param dropStale whether to leave staleness markers out, as range selectors do
     */
    void read(Series series, long minTime, long maxTime, boolean dropStale) {
        size = 0;
        if (minTime > maxTime) {
            return;
        }
        SampleCursor cursor = series.cursor();
        if (!cursor.seek(minTime)) {
            return;
        }
        do {
            long t = cursor.timestamp();
            if (t > maxTime) {
                break;
            }
            double v = cursor.value();
            if (dropStale && StaleMarker.isStale(v)) {
                continue;
            }
            if (Steps.isAbsent(v)) {
                // a stored NaN that happens to carry the marker's payload is still a NaN sample
                v = Double.NaN;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
            if (size % CHECK_EVERY == 0) {
                execution.checkpoint();
            }
        } while (cursor.next());
    }

    /** The timestamps read; only the first {@link #size()} belong to the series. */
    long[] times() {
        return times;
    }

    /** The values read, matching {@link #times()}. */
    double[] values() {
        return values;
    }

    int size() {
        return size;
    }
}
