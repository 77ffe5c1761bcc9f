package dev.vigil.tracing.analysis;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.traces.SpanRecord;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Span metrics, named as the OpenTelemetry Collector's span metrics connector names them in Prometheus:
 * {@code traces_span_metrics_calls_total} and the classic histogram {@code traces_span_metrics_duration_seconds}
 * ({@code _bucket}, {@code _sum}, {@code _count}), labelled {@code service_name}, {@code span_name},
 * {@code span_kind} ({@code SPAN_KIND_SERVER} …) and {@code status_code} ({@code STATUS_CODE_ERROR} …). Errors are the
 * calls with {@code status_code="STATUS_CODE_ERROR"}, so {@code sum(rate(traces_span_metrics_calls_total{status_code=
 * "STATUS_CODE_ERROR"}[5m])) by (service_name)} is an error rate.
 *
 * <p>{@link #observe} counts spans as they are stored; {@link #flush} writes every series at the current time. A
 * series is born with zero samples a millisecond before its first span was counted, so {@code increase()} counts that
 * span too. Counters start again from 0 when the plugin restarts, which PromQL treats as a reset. Thread-safe.
 */
public final class SpanMetrics {

    /** The histogram's upper bounds, in seconds. */
    static final double[] BOUNDS = {0.002, 0.004, 0.006, 0.008, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1, 1.4, 2, 5, 10, 15};

    static final String CALLS = "traces_span_metrics_calls_total";
    static final String DURATION = "traces_span_metrics_duration_seconds";

    private static final Logger LOG = LoggerFactory.getLogger(SpanMetrics.class);

    private final Map<Key, Series> series = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Span metrics on {@code clock}'s time. */
    public SpanMetrics(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Counts {@code spans}, which were just stored. */
    public void observe(List<SpanRecord> spans) {
        long now = clock.millis();
        for (SpanRecord span : spans) {
            Key key = new Key(span.service(), span.name(), "SPAN_KIND_" + span.kind().name(),
                    "STATUS_CODE_" + span.status().code().name());
            series.computeIfAbsent(key, k -> new Series(now)).add((span.endNanos() - span.startNanos()) / 1e9);
        }
    }

    /** How many series there are. */
    public int size() {
        return series.size();
    }

    /**
     * Writes every series at the current time into {@code store}, in one commit.
     *
     * @return how many samples were written
     */
    public int flush(MetricStore store) {
        long now = clock.millis();
        try (MetricAppender appender = store.appender()) {
            appender.metadata(CALLS, new MetricMetadata(MetricType.COUNTER, "Spans by service, operation, kind and status", ""));
            appender.metadata(DURATION, new MetricMetadata(MetricType.HISTOGRAM, "Span durations by service, operation, kind and status",
                    "seconds"));
            for (Map.Entry<Key, Series> e : series.entrySet()) {
                Series.Snapshot s = e.getValue().snapshot();
                Labels base = e.getKey().labels();
                try {
                    if (!e.getValue().written) {
                        write(appender, base, s.zero(), e.getValue().created - 1);
                    }
                    write(appender, base, s, now);
                    e.getValue().written = true;
                } catch (SampleRejectedException ex) {
                    LOG.debug("The metric store refused a span metric sample of {}: {}", base, ex.getMessage());
                }
            }
            return appender.commit();
        }
    }

    private static void write(MetricAppender appender, Labels base, Series.Snapshot s, long time) throws SampleRejectedException {
        appender.append(0, base.toBuilder().set(Labels.METRIC_NAME, CALLS).build(), time, s.count());
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += s.buckets()[i];
            appender.append(0, base.toBuilder().set(Labels.METRIC_NAME, DURATION + "_bucket").set("le", le(BOUNDS[i])).build(), time, cumulative);
        }
        appender.append(0, base.toBuilder().set(Labels.METRIC_NAME, DURATION + "_bucket").set("le", "+Inf").build(), time, s.count());
        appender.append(0, base.toBuilder().set(Labels.METRIC_NAME, DURATION + "_sum").build(), time, s.sum());
        appender.append(0, base.toBuilder().set(Labels.METRIC_NAME, DURATION + "_count").build(), time, s.count());
    }

    private static String le(double bound) {
        String text = Double.toString(bound);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private record Key(String service, String span, String kind, String status) {
        Labels labels() {
            return Labels.builder().set("service_name", service).set("span_name", span).set("span_kind", kind).set("status_code", status)
                    .build();
        }
    }

    /** One series' counts; spans are added under its lock. */
    private static final class Series {
        final long created;
        volatile boolean written;
        private final long[] buckets = new long[BOUNDS.length];
        private long count;
        private double sum;

        Series(long created) {
            this.created = created;
        }

        synchronized void add(double seconds) {
            int i = Arrays.binarySearch(BOUNDS, seconds);
            int bucket = i >= 0 ? i : -i - 1;
            if (bucket < BOUNDS.length) {
                buckets[bucket]++;
            }
            count++;
            sum += seconds;
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(buckets.clone(), count, sum);
        }

        record Snapshot(long[] buckets, long count, double sum) {
            Snapshot zero() {
                return new Snapshot(new long[buckets.length], 0, 0);
            }
        }
    }
}
