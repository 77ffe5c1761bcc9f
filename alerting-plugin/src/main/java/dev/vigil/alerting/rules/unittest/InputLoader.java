package dev.vigil.alerting.rules.unittest;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Feeds a test group's input series into the store step by step, as promtool's lazy loader does: before the rules
 * are evaluated at a time, every input sample up to that time is written, and nothing later. Not thread-safe.
 */
final class InputLoader {

    private record Point(Labels series, long timestamp, double value) {}

    private final MetricStore store;
    private final List<Point> points = new ArrayList<>();
    private int next;

    InputLoader(MetricStore store) {
        this.store = store;
    }

    /** Adds a series whose step {@code i} is at {@code start + i × interval}. */
    void add(Labels series, ExpandingNotation values, Instant start, Duration interval) {
        long t0 = start.toEpochMilli();
        long step = interval.toMillis();
        for (int i = 0; i < values.size(); i++) {
            if (values.isPresent(i)) {
                points.add(new Point(series, t0 + i * step, values.value(i)));
            }
        }
    }

    /** Orders the samples by time; call once after the last {@link #add}. */
    void seal() {
        points.sort(Comparator.comparingLong(Point::timestamp));
    }

    /**
     * Writes every sample at or before {@code until} not written yet.
     *
     * @return the problems of samples the store refused, worded for the test output
     */
    List<String> loadUntil(Instant until) {
        long limit = until.toEpochMilli();
        if (next >= points.size() || points.get(next).timestamp() > limit) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try (MetricAppender appender = store.appender()) {
            while (next < points.size() && points.get(next).timestamp() <= limit) {
                Point p = points.get(next++);
                try {
                    appender.append(0, p.series(), p.timestamp(), p.value());
                } catch (SampleRejectedException e) {
                    problems.add("    input series " + GoFormat.labels(p.series()) + ": " + e.getMessage());
                }
            }
            appender.commit();
        }
        return problems;
    }
}
