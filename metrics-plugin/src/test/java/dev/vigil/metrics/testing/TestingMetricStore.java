package dev.vigil.metrics.testing;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link MetricStore} for tests of what writes to or reads from a store: it keeps every sample
 * and follows Prometheus's rules for samples out of order and duplicate timestamps, and nothing else.
 */
public final class TestingMetricStore implements MetricStore {

    /** One stored sample. */
    public record Sample(long timestamp, double value) {}

    private final Map<Labels, List<Sample>> series = new TreeMap<>();
    private final Map<String, MetricMetadata> metadata = new ConcurrentHashMap<>();
    private int commits;

    @Override
    public synchronized MetricAppender appender() {
        return new Appender();
    }

    /** The samples of {@code labels}, oldest first; empty when there is no such series. */
    public synchronized List<Sample> samples(Labels labels) {
        return List.copyOf(series.getOrDefault(labels, List.of()));
    }

    /** Every series and its samples. */
    public synchronized Map<Labels, List<Sample>> all() {
        Map<Labels, List<Sample>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The series whose metric name is {@code name}. */
    public synchronized List<Labels> seriesNamed(String name) {
        return series.keySet().stream().filter(l -> l.metricName().equals(name)).toList();
    }

    /** How many commits have succeeded. */
    public synchronized int commits() {
        return commits;
    }

    @Override
    public synchronized MetricQuerier querier(long minTime, long maxTime) {
        return new Querier(minTime, maxTime);
    }

    @Override
    public Map<String, MetricMetadata> metadata() {
        return Map.copyOf(metadata);
    }

    @Override
    public synchronized MetricStoreStats stats() {
        long samples = series.values().stream().mapToLong(List::size).sum();
        long min = series.values().stream().flatMap(List::stream).mapToLong(Sample::timestamp).min().orElse(Long.MAX_VALUE);
        long max = series.values().stream().flatMap(List::stream).mapToLong(Sample::timestamp).max().orElse(Long.MIN_VALUE);
        return new MetricStoreStats(series.size(), samples, min, max, 0);
    }

    private synchronized void commit(Map<Labels, List<Sample>> batch, Map<String, MetricMetadata> meta) {
        batch.forEach((labels, samples) -> series.computeIfAbsent(labels, l -> new ArrayList<>()).addAll(samples));
        metadata.putAll(meta);
        commits++;
    }

    private synchronized Sample last(Labels labels) {
        List<Sample> s = series.get(labels);
        return s == null || s.isEmpty() ? null : s.get(s.size() - 1);
    }

    private final class Appender implements MetricAppender {
        private final Map<Labels, List<Sample>> batch = new LinkedHashMap<>();
        private final Map<String, MetricMetadata> meta = new LinkedHashMap<>();
        private boolean done;

        @Override
        public long append(long ref, Labels labels, long timestamp, double value) throws SampleRejectedException {
            if (labels.isEmpty()) {
                throw new SampleRejectedException(SampleRejectedException.Reason.INVALID_LABELS, "a series needs labels");
            }
            List<Sample> pending = batch.get(labels);
            Sample last = pending != null && !pending.isEmpty() ? pending.get(pending.size() - 1) : last(labels);
            if (last != null) {
                if (timestamp < last.timestamp()) {
                    throw new SampleRejectedException(SampleRejectedException.Reason.OUT_OF_ORDER,
                            "out of order sample for " + labels + " at " + timestamp);
                }
                if (timestamp == last.timestamp()) {
                    if (Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(last.value())) {
                        return labels.hashCode() | 1L;
                    }
                    throw new SampleRejectedException(SampleRejectedException.Reason.DUPLICATE_TIMESTAMP,
                            "duplicate sample for timestamp " + timestamp + " of " + labels);
                }
            }
            batch.computeIfAbsent(labels, l -> new ArrayList<>()).add(new Sample(timestamp, value));
            return labels.hashCode() | 1L;
        }

        @Override
        public void metadata(String family, MetricMetadata metadata) {
            meta.put(family, metadata);
        }

        @Override
        public int commit() {
            if (done) {
                throw new IllegalStateException("already committed or closed");
            }
            done = true;
            TestingMetricStore.this.commit(batch, meta);
            return batch.values().stream().mapToInt(List::size).sum();
        }

        @Override
        public void close() {
            done = true;
        }
    }

    private final class Querier implements MetricQuerier {
        private final long minTime;
        private final long maxTime;

        Querier(long minTime, long maxTime) {
            if (minTime > maxTime) {
                throw new IllegalArgumentException("minTime > maxTime");
            }
            this.minTime = minTime;
            this.maxTime = maxTime;
        }

        @Override
        public List<Series> select(List<LabelMatcher> matchers) {
            if (matchers.isEmpty() || matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
                throw new IllegalArgumentException("at least one matcher must not match the empty value");
            }
            List<Series> found = new ArrayList<>();
            all().forEach((labels, samples) -> {
                List<Sample> inRange = samples.stream().filter(s -> s.timestamp() >= minTime && s.timestamp() <= maxTime).toList();
                if (!inRange.isEmpty() && matchers.stream().allMatch(m -> m.matches(labels))) {
                    found.add(new ListSeries(labels, inRange));
                }
            });
            return found;
        }

        @Override
        public List<String> labelNames(List<LabelMatcher> matchers) {
            TreeSet<String> names = new TreeSet<>();
            all().keySet().stream().filter(l -> matchers.stream().allMatch(m -> m.matches(l))).forEach(l -> names.addAll(l.names()));
            return List.copyOf(names);
        }

        @Override
        public List<String> labelValues(String name, List<LabelMatcher> matchers) {
            TreeSet<String> values = new TreeSet<>();
            all().keySet().stream().filter(l -> l.has(name) && matchers.stream().allMatch(m -> m.matches(l)))
                    .forEach(l -> values.add(l.get(name)));
            return List.copyOf(values);
        }

        @Override
        public void close() {}
    }

    private record ListSeries(Labels labels, List<Sample> samples) implements Series {
        @Override
        public SampleCursor cursor() {
            return new SampleCursor() {
                private int i = -1;

                @Override
                public boolean next() {
                    return ++i < samples.size();
                }

                @Override
                public boolean seek(long timestamp) {
                    if (i < 0) {
                        i = 0;
                    }
                    while (i < samples.size() && samples.get(i).timestamp() < timestamp) {
                        i++;
                    }
                    return i < samples.size();
                }

                @Override
                public long timestamp() {
                    return samples.get(i).timestamp();
                }

                @Override
                public double value() {
                    return samples.get(i).value();
                }
            };
        }
    }
}
