package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parsed LogQL over a {@link LogQuery}, as Loki runs it:
 * <ul>
 *   <li>a log query returns the first {@code limit} lines in the direction asked, from {@code start} (inclusive)
 *       to {@code end} (exclusive), grouped into streams by their labels;</li>
 *   <li>a metric query is evaluated at each step from {@code start} to {@code end} (both included), each range
 *       aggregation over the window {@code (t - range, t]}; a series gets a point only at steps where it has
 *       lines.</li>
 * </ul>
 * A metric query with more than {@code maxSeries} series fails as Loki's does. Thread-safe: each call reads the store
 * on its own.
 */
public final class LogqlEngine {

    /** Loki's default limit on the series of one metric query ({@code max_query_series}). */
    public static final int DEFAULT_MAX_SERIES = 500;

    private static final int MIN_PAGE = 1000;

    /** How many of the newest lines {@link #indexStats} reads to measure their size. */
    public static final int STATS_SAMPLE = 1000;

    private final LogQuery store;
    private final int maxSeries;

    /**
     * @param store where the records are
     * @param maxSeries the most series a metric query may return
     */
    public LogqlEngine(LogQuery store, int maxSeries) {
        this.store = requireNonNull(store, "store is null");
        if (maxSeries <= 0) {
            throw new IllegalArgumentException("maxSeries must be positive, got " + maxSeries);
        }
        this.maxSeries = maxSeries;
    }

    /**
     * The first {@code limit} lines of a log query.
     *
     * @param categorize whether streams carry only stream labels and each line its structured metadata and parsed
     *     labels apart (Loki's {@code categorize-labels}), rather than streams of all labels
     */
    public LogResult logs(LogSelectorExpr query, Instant start, Instant end, LogSearch.Direction direction, int limit,
            boolean categorize) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        long began = System.nanoTime();
        QueryStatistics statistics = new QueryStatistics();
        LineReader reader = new LineReader(store, query, statistics);
        Map<Labels, List<LogEntry>> streams = new HashMap<>();
        int[] count = {0};
        boolean onlyLineFilters = query.stages().stream().allMatch(s -> s instanceof Stage.LineFilterStage);
        int pageSize = onlyLineFilters ? limit : Math.max(limit, MIN_PAGE);
        reader.read(start, end, direction, pageSize, (record, line) -> {
            EntryLabels labels = line.labels;
            LogEntry entry = categorize
                    ? new LogEntry(record.timeNanos(), line.text, labels.metadata(), labels.parsed())
                    : new LogEntry(record.timeNanos(), line.text, Labels.EMPTY, Labels.EMPTY);
            streams.computeIfAbsent(categorize ? labels.stream() : labels.all(), l -> new ArrayList<>()).add(entry);
            return ++count[0] < limit;
        });
        List<LogStream> result = new ArrayList<>();
        streams.forEach((labels, entries) -> result.add(new LogStream(labels, entries)));
        result.sort(Comparator.comparing((LogStream s) -> RangeSamples.format(s.labels())));
        statistics.returned(count[0]);
        statistics.took(System.nanoTime() - began);
        return new LogResult(result, statistics);
    }

    /** A metric query at one instant: a vector, or a scalar for a number. */
    public MetricResult instant(SampleExpr query, Instant time) {
        long began = System.nanoTime();
        QueryStatistics statistics = new QueryStatistics();
        long t = LogFilter.nanos(time);
        StepEvaluator evaluator = build(query, t, t, statistics);
        List<StepSample> samples = evaluator.at(t);
        long millis = Math.floorDiv(t, 1_000_000L);
        MetricValue value;
        if (evaluator.isScalar()) {
            value = new MetricValue.Scalar(millis, samples.get(0).value());
        } else {
            checkSeries(samples.size());
            List<StepSample> ordered = new ArrayList<>(samples);
            if (!sortsByValue(query)) {
                ordered.sort(Comparator.comparing(StepSample::labels));
            }
            List<MetricValue.Sample> out = new ArrayList<>(ordered.size());
            for (StepSample s : ordered) {
                out.add(new MetricValue.Sample(s.labels(), millis, s.value()));
            }
            value = new MetricValue.Vector(out);
        }
        statistics.took(System.nanoTime() - began);
        return new MetricResult(value, statistics);
    }

    /** A metric query at every {@code step} from {@code start} to {@code end}: a matrix. */
    public MetricResult range(SampleExpr query, Instant start, Instant end, Duration step) {
        long stepNanos = step.toNanos();
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        long began = System.nanoTime();
        QueryStatistics statistics = new QueryStatistics();
        long first = LogFilter.nanos(start);
        long last = LogFilter.nanos(end);
        StepEvaluator evaluator = build(query, first, last, statistics);
        Map<Labels, SeriesBuilder> series = new LinkedHashMap<>();
        for (long t = first; t <= last; t += stepNanos) {
            long millis = Math.floorDiv(t, 1_000_000L);
            for (StepSample sample : evaluator.at(t)) {
                SeriesBuilder builder = series.get(sample.labels());
                if (builder == null) {
                    checkSeries(series.size() + 1);
                    builder = new SeriesBuilder();
                    series.put(sample.labels(), builder);
                }
                builder.add(millis, sample.value());
            }
            if (t > Long.MAX_VALUE - stepNanos) {
                break;
            }
        }
        List<MetricValue.Series> out = new ArrayList<>(series.size());
        series.forEach((labels, builder) -> out.add(builder.build(labels)));
        out.sort(Comparator.comparing(MetricValue.Series::labels));
        statistics.took(System.nanoTime() - began);
        return new MetricResult(new MetricValue.Matrix(out), statistics);
    }

    /**
     * The distinct sets of stream labels with lines from {@code start} to {@code end} that match every matcher of
     * at least one group (all of them for no group), sorted.
     */
    public List<Labels> streams(List<List<LabelMatcher>> groups, Instant start, Instant end) {
        java.util.TreeSet<Labels> found = new java.util.TreeSet<>();
        if (end.isBefore(start)) {
            return List.of();
        }
        for (Map<String, String> resource : store.resources(start, end)) {
            Labels labels = OtlpLabels.streamLabels(resource);
            if (groups.isEmpty() || groups.stream().anyMatch(g -> g.stream().allMatch(m -> m.matches(labels)))) {
                found.add(labels);
            }
        }
        return List.copyOf(found);
    }

    /** How many streams, lines and bytes a selector covers from {@code start} (inclusive) to {@code end} (exclusive). */
    public IndexStats indexStats(List<LabelMatcher> matchers, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return new IndexStats(0, 0, 0);
        }
        long streamCount = streams(List.of(matchers), start, end).size();
        LogSelectorExpr selector = new LogSelectorExpr(matchers, List.of());
        java.util.Optional<LogFilter> filter = Pushdown.filter(selector, start, end);
        if (streamCount == 0 || filter.isEmpty()) {
            return new IndexStats(streamCount, 0, 0);
        }
        long entries = 0;
        Duration whole = Duration.between(start, end);
        for (dev.vigil.api.logs.LogCounts.Bucket bucket : store.counts(filter.get(), whole).buckets()) {
            entries += bucket.total();
        }
        long[] sample = {0, 0};
        new LineReader(store, selector, new QueryStatistics()).read(start, end, LogSearch.Direction.BACKWARD, STATS_SAMPLE,
                (record, line) -> {
                    sample[0]++;
                    sample[1] += Utf8.length(record.body());
                    return sample[0] < STATS_SAMPLE;
                });
        long bytes = sample[0] == 0 ? 0 : entries <= sample[0] ? sample[1] : Math.round((double) sample[1] / sample[0] * entries);
        return new IndexStats(streamCount, entries, bytes);
    }

    /**
     * The fields of the newest {@code lineLimit} lines of a log query, for Loki's {@code detected_fields}: their
     * structured metadata and what the json and logfmt parsers find in them.
     *
     * @param fieldLimit the most fields to return
     */
    public List<DetectedField> detectedFields(LogSelectorExpr query, Instant start, Instant end, int lineLimit, int fieldLimit) {
        FieldDetector detector = new FieldDetector();
        int[] count = {0};
        new LineReader(store, query, new QueryStatistics()).read(start, end, LogSearch.Direction.BACKWARD,
                Math.max(lineLimit, MIN_PAGE), (record, line) -> {
                    detector.add(line.labels.stream(), line.text, line.labels.metadata());
                    return ++count[0] < lineLimit;
                });
        return detector.fields(fieldLimit);
    }

    private void checkSeries(int count) {
        if (count > maxSeries) {
            throw new LogqlException("maximum of series (" + maxSeries + ") reached for a single query");
        }
    }

    private static boolean sortsByValue(SampleExpr query) {
        return query instanceof SampleExpr.VectorAggregation a && (a.op() == VectorOp.SORT || a.op() == VectorOp.SORT_DESC);
    }

    /** The evaluator of {@code expr} for steps from {@code first} to {@code last}, with the lines it needs read. */
    private StepEvaluator build(SampleExpr expr, long first, long last, QueryStatistics statistics) {
        if (expr instanceof SampleExpr.RangeAggregation range) {
            RangeSamples samples = new RangeSamples(range.op(), range.rangeNanos());
            LineReader reader = new LineReader(store, range.selector(), statistics);
            Instant from = instant(Math.max(Long.MIN_VALUE + range.rangeNanos(), first) - range.rangeNanos() + 1);
            Instant to = instant(last == Long.MAX_VALUE ? last : last + 1);
            reader.read(from, to, LogSearch.Direction.FORWARD, LogSearch.MAX_LIMIT, (record, line) -> {
                samples.add(line.labels.all(), record.timeNanos(), line.text);
                return true;
            });
            samples.seal();
            return new StepEvaluator() {
                @Override
                public boolean isScalar() {
                    return false;
                }

                @Override
                public List<StepSample> at(long timeNanos) {
                    return samples.at(timeNanos);
                }
            };
        }
        if (expr instanceof SampleExpr.VectorAggregation aggregation) {
            return Aggregations.of(aggregation.op(), aggregation.grouping(), aggregation.parameter(),
                    build(aggregation.inner(), first, last, statistics));
        }
        if (expr instanceof SampleExpr.BinaryOperation binary) {
            return new BinaryEvaluator(binary.op(), binary.returnBool(), build(binary.left(), first, last, statistics),
                    build(binary.right(), first, last, statistics));
        }
        boolean scalar = expr instanceof SampleExpr.NumberLiteral;
        double value = scalar ? ((SampleExpr.NumberLiteral) expr).value() : ((SampleExpr.VectorLiteral) expr).value();
        List<StepSample> constant = List.of(new StepSample(Labels.EMPTY, value));
        return new StepEvaluator() {
            @Override
            public boolean isScalar() {
                return scalar;
            }

            @Override
            public List<StepSample> at(long timeNanos) {
                return constant;
            }
        };
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The points of one output series as they come, step by step. */
    private static final class SeriesBuilder {
        private long[] times = new long[8];
        private double[] values = new double[8];
        private int size;

        void add(long millis, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = millis;
            values[size] = value;
            size++;
        }

        MetricValue.Series build(Labels labels) {
            return new MetricValue.Series(labels, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
