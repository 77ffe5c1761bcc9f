package dev.vigil.logging.metrics;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.SampleRejectedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts stored records into the counter series of the configured log-based metrics, and writes the counters into a
 * metric store when {@link #flush} is called (the plugin calls it every 15 seconds). A series is born with a sample
 * of 0 a millisecond before its first record was counted, so {@code increase()} and {@code rate()} count that record
 * too, as Prometheus's created-timestamp zero ingestion does for counters. Counters start again from 0 when the plugin
 * restarts, which PromQL's counter functions treat as a reset. Thread-safe.
 */
public final class LogMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(LogMetrics.class);

    private final List<Metric> metrics;
    private final Clock clock;

    /** Counters for each of {@code settings}. */
    public LogMetrics(List<LogMetricSettings> settings, Clock clock) {
        this.metrics = requireNonNull(settings, "settings is null").stream().map(Metric::new).toList();
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Whether there is any metric to count. */
    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    /** Counts {@code records}, which were just stored. */
    public void observe(List<LogRecord> records) {
        if (metrics.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (LogRecord record : records) {
            for (Metric metric : metrics) {
                if (metric.filter.testIgnoringTime(record)) {
                    metric.counters.computeIfAbsent(metric.labels(record), l -> new Counter(now)).increment();
                }
            }
        }
    }

    /**
     * Writes every counter's value at the current time into {@code store}, in one commit.
     *
     * @return how many samples were written
     */
    public int flush(MetricStore store) {
        long now = clock.millis();
        try (MetricAppender appender = store.appender()) {
            for (Metric metric : metrics) {
                appender.metadata(metric.settings.name(), new MetricMetadata(MetricType.COUNTER, metric.settings.help(), ""));
                for (Map.Entry<Labels, Counter> e : metric.counters.entrySet()) {
                    Counter counter = e.getValue();
                    try {
                        if (!counter.written) {
                            appender.append(0, e.getKey(), counter.created - 1, 0);
                        }
                        appender.append(0, e.getKey(), now, counter.value());
                        counter.written = true;
                    } catch (SampleRejectedException ex) {
                        LOG.debug("The metric store refused a sample of {}: {}", e.getKey(), ex.getMessage());
                    }
                }
            }
            return appender.commit();
        }
    }

    private static final class Metric {
        final LogMetricSettings settings;
        final LogFilter filter;
        final List<String> labelNames = new ArrayList<>();
        final Map<Labels, Counter> counters = new ConcurrentHashMap<>();

        Metric(LogMetricSettings settings) {
            this.settings = settings;
            this.filter = settings.filter();
            settings.labels().forEach(l -> labelNames.add(LogMetricSettings.labelName(l)));
        }

        Labels labels(LogRecord record) {
            Labels.Builder labels = Labels.builder().set(Labels.METRIC_NAME, settings.name());
            for (int i = 0; i < labelNames.size(); i++) {
                String value = value(settings.labels().get(i), record);
                if (!value.isEmpty()) {
                    labels.set(labelNames.get(i), value);
                }
            }
            return labels.build();
        }

        private static String value(String label, LogRecord record) {
            return switch (label) {
                case "service" -> record.service();
                case "level" -> record.severity().label();
                case "logger" -> record.scope();
                default -> record.attributes().getOrDefault(label, record.resource().getOrDefault(label, ""));
            };
        }
    }

    private static final class Counter {
        final long created;
        private final LongAdder count = new LongAdder();
        volatile boolean written;

        Counter(long created) {
            this.created = created;
        }

        void increment() {
            count.increment();
        }

        long value() {
            return count.sum();
        }
    }
}
