package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines a range aggregation counts, as points per series (a series is a distinct set of labels after the
 * pipeline), and the aggregation evaluated at increasing step times over a sliding window {@code (t - range, t]}.
 * Each series keeps its times and running totals in primitive arrays, so a step costs two pointer moves per series.
 * Not thread-safe.
 */
final class RangeSamples {

    /** The points of one series, in time order. */
    private static final class SeriesPoints {
        final Labels labels;
        long[] times = new long[16];
        /** {@code cumulative[i]} is the sum of the values of points {@code 0..i-1}. */
        double[] cumulative = new double[17];
        int size;
        int lo;
        int hi;

        SeriesPoints(Labels labels) {
            this.labels = labels;
        }

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                cumulative = Arrays.copyOf(cumulative, size * 2 + 1);
            }
            times[size] = time;
            cumulative[size + 1] = cumulative[size] + value;
            size++;
        }
    }

    private final RangeOp op;
    private final long rangeNanos;
    private final Map<Labels, SeriesPoints> series = new LinkedHashMap<>();
    private List<SeriesPoints> ordered = List.of();

    RangeSamples(RangeOp op, long rangeNanos) {
        this.op = op;
        this.rangeNanos = rangeNanos;
    }

    /** Adds the point of a line; lines come in time order. */
    void add(Labels labels, long timeNanos, String line) {
        double value = op.countsBytes() ? Utf8.length(line) : 1;
        series.computeIfAbsent(labels, SeriesPoints::new).add(timeNanos, value);
    }

    /** Ends the adding; steps may be evaluated from now on, at increasing times. */
    void seal() {
        ordered = new ArrayList<>(series.values());
    }

    /**
     * The aggregation at {@code t}: one sample per series with a line in {@code (t - range, t]}.
     *
     * @throws LogqlException Loki's pipeline error when such a series carries {@code __error__}
     */
    List<StepSample> at(long t) {
        List<StepSample> out = new ArrayList<>();
        long start = t - rangeNanos;
        double seconds = rangeNanos / 1e9;
        for (SeriesPoints s : ordered) {
            while (s.lo < s.size && s.times[s.lo] <= start) {
                s.lo++;
            }
            if (s.hi < s.lo) {
                s.hi = s.lo;
            }
            while (s.hi < s.size && s.times[s.hi] <= t) {
                s.hi++;
            }
            int count = s.hi - s.lo;
            if (count == 0) {
                continue;
            }
            if (s.labels.has(EntryLabels.ERROR)) {
                throw pipelineError(s.labels);
            }
            double value = op.countsBytes() ? s.cumulative[s.hi] - s.cumulative[s.lo] : count;
            out.add(new StepSample(s.labels, op.perSecond() ? value / seconds : value));
        }
        return out;
    }

    /** Loki's error for a metric query over lines that failed a stage. */
    static LogqlException pipelineError(Labels labels) {
        String type = labels.getOrEmpty(EntryLabels.ERROR);
        return new LogqlException("pipeline error: '" + type + "' for series: '" + format(labels) + "'.\n"
                + "Use a label filter to intentionally skip this error. (e.g | __error__!=\"" + type + "\").\n"
                + "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
                + "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n");
    }

    /** Labels as Prometheus writes them in messages: {@code {a="b", c="d"}}. */
    static String format(Labels labels) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(labels.name(i)).append('=').append(GoStrings.quote(labels.value(i)));
        }
        return out.append('}').toString();
    }
}
