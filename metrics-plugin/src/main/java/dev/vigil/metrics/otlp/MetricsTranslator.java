package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.StaleMarker;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates OTLP metrics into Prometheus series as the OpenTelemetry specification's Prometheus
 * compatibility section describes (OTLP to Prometheus):
 * <ul>
 *   <li>Gauge → gauge; monotonic Sum → counter ending in {@code _total}; non-monotonic Sum → gauge;
 *       Histogram and ExponentialHistogram → classic {@code _bucket{le}}, {@code _sum}, {@code _count}
 *       (see {@link ExponentialHistogram#classicBuckets()}); Summary → {@code {quantile}}, {@code _sum},
 *       {@code _count}.</li>
 *   <li>Delta temporality is accumulated into cumulative series by a {@link DeltaAccumulator}.</li>
 *   <li>{@code service.namespace}/{@code service.name} → {@code job}, {@code service.instance.id} →
 *       {@code instance}; the other resource attributes go to a {@code target_info} gauge of value 1, with the
 *       newest timestamp of the resource's points.</li>
 *   <li>Data point attributes → labels; the scope → {@code otel_scope_name}, {@code otel_scope_version}. A
 *       label the translation sets itself ({@code job}, {@code instance}, the scope labels, {@code le},
 *       {@code quantile}) wins over an attribute of the same name.</li>
 *   <li>Exemplars and {@code _created} series are not written; {@code NO_RECORDED_VALUE} points become
 *       {@link StaleMarker staleness markers}.</li>
 * </ul>
 */
final class MetricsTranslator {

    private static final Set<String> IDENTIFYING = Set.of("service.name", "service.namespace", "service.instance.id");
    private static final int NO_RECORDED_VALUE = DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final OtlpSettings settings;

    MetricsTranslator(OtlpSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes every data point of {@code request} through {@code out}, accumulating deltas in {@code deltas}. */
    void translate(ExportMetricsServiceRequest request, PointWriter out, DeltaAccumulator.Session deltas) {
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            translateResource(resourceMetrics, out, deltas);
        }
    }

    private void translateResource(ResourceMetrics resourceMetrics, PointWriter out, DeltaAccumulator.Session deltas) {
        List<KeyValue> attributes = resourceMetrics.getResource().getAttributesList();
        String name = AttributeValues.get(attributes, "service.name");
        String namespace = AttributeValues.get(attributes, "service.namespace");
        String job = namespace.isEmpty() ? name : namespace + "/" + name;
        String instance = AttributeValues.get(attributes, "service.instance.id");
        long newest = 0;
        for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
            Labels.Builder common = Labels.builder();
            if (settings.scopeLabels()) {
                InstrumentationScope scope = scopeMetrics.getScope();
                common.set("otel_scope_name", scope.getName()).set("otel_scope_version", scope.getVersion());
            }
            common.set("job", job).set("instance", instance);
            Labels commonLabels = common.build();
            for (Metric metric : scopeMetrics.getMetricsList()) {
                newest = Math.max(newest, translateMetric(metric, commonLabels, out, deltas));
            }
        }
        if (settings.targetInfo() && newest > 0) {
            writeTargetInfo(attributes, job, instance, newest, out);
        }
    }

    private static void writeTargetInfo(List<KeyValue> attributes, String job, String instance, long timeUnixNano,
            PointWriter out) {
        List<KeyValue> others = attributes.stream().filter(kv -> !IDENTIFYING.contains(kv.getKey())).toList();
        if (others.isEmpty()) {
            return;
        }
        Labels.Builder labels = Labels.builder();
        AttributeValues.toLabels(others).forEach(labels::set);
        labels.set("job", job).set("instance", instance).set(Labels.METRIC_NAME, "target_info");
        out.metadata("target_info", new MetricMetadata(MetricType.GAUGE, "Target metadata", ""));
        out.derivedSample(labels.build(), timeUnixNano / NANOS_PER_MILLI, 1);
    }

    /** Writes one metric's points; returns the newest point time in nanoseconds, or 0. */
    private long translateMetric(Metric metric, Labels common, PointWriter out, DeltaAccumulator.Session deltas) {
        return switch (metric.getDataCase()) {
            case GAUGE -> numbers(metric, metric.getGauge().getDataPointsList(), true, false,
                    AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, common, out, deltas);
            case SUM -> numbers(metric, metric.getSum().getDataPointsList(), false, metric.getSum().getIsMonotonic(),
                    metric.getSum().getAggregationTemporality(), common, out, deltas);
            case HISTOGRAM -> histograms(metric, common, out, deltas);
            case EXPONENTIAL_HISTOGRAM -> exponentialHistograms(metric, common, out, deltas);
            case SUMMARY -> summaries(metric, common, out);
            // a metric without data has no points to take or refuse
            case DATA_NOT_SET -> 0;
        };
    }

    private long numbers(Metric metric, List<NumberDataPoint> points, boolean gauge, boolean monotonic,
            AggregationTemporality temporality, Labels common, PointWriter out, DeltaAccumulator.Session deltas) {
        String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), gauge, monotonic);
        MetricType type = monotonic ? MetricType.COUNTER : MetricType.GAUGE;
        if (!checkFamily(metric, name, points.size(), temporality, out)) {
            return 0;
        }
        out.metadata(name, new MetricMetadata(type, metric.getDescription(), PrometheusNames.unit(metric.getUnit(), gauge)));
        boolean delta = temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        long newest = 0;
        for (NumberDataPoint point : points) {
            if (!checkTime(metric, point.getTimeUnixNano(), out)) {
                continue;
            }
            Labels labels = seriesLabels(common, point.getAttributesList(), name);
            double value;
            if ((point.getFlags() & NO_RECORDED_VALUE) != 0) {
                value = StaleMarker.VALUE;
            } else if (point.getValueCase() == NumberDataPoint.ValueCase.AS_DOUBLE) {
                value = point.getAsDouble();
            } else if (point.getValueCase() == NumberDataPoint.ValueCase.AS_INT) {
                value = point.getAsInt();
            } else {
                out.reject(PointWriter.INVALID_POINT, "metric '" + metric.getName() + "': a data point has no value");
                continue;
            }
            if (delta && !StaleMarker.isStale(value)) {
                Double total = deltas.addSum(new DeltaAccumulator.Key("sum", labels), point.getTimeUnixNano(), value);
                if (total == null) {
                    rejectDeltaOutOfOrder(metric, out);
                    continue;
                }
                value = total;
            }
            out.sample(labels, point.getTimeUnixNano() / NANOS_PER_MILLI, value);
            out.endPoint();
            newest = Math.max(newest, point.getTimeUnixNano());
        }
        return newest;
    }

    /** The family name of a histogram metric, with its metadata written; null when the family is refused. */
    private @Nullable String histogramFamily(Metric metric, int points, AggregationTemporality temporality, PointWriter out) {
        String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), false, false);
        if (!checkFamily(metric, name, points, temporality, out)) {
            return null;
        }
        out.metadata(name, new MetricMetadata(MetricType.HISTOGRAM, metric.getDescription(),
                PrometheusNames.unit(metric.getUnit(), false)));
        return name;
    }

    private long histograms(Metric metric, Labels common, PointWriter out, DeltaAccumulator.Session deltas) {
        List<HistogramDataPoint> points = metric.getHistogram().getDataPointsList();
        AggregationTemporality temporality = metric.getHistogram().getAggregationTemporality();
        String name = histogramFamily(metric, points.size(), temporality, out);
        if (name == null) {
            return 0;
        }
        long newest = 0;
        for (HistogramDataPoint point : points) {
            if (!checkTime(metric, point.getTimeUnixNano(), out)) {
                continue;
            }
            ExplicitHistogram histogram;
            try {
                histogram = ExplicitHistogram.of(point);
            } catch (IllegalArgumentException e) {
                out.reject(PointWriter.INVALID_POINT, "metric '" + metric.getName() + "': " + e.getMessage());
                continue;
            }
            Labels labels = seriesLabels(common, point.getAttributesList(), name);
            boolean stale = (point.getFlags() & NO_RECORDED_VALUE) != 0;
            if (temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA && !stale) {
                histogram = deltas.addHistogram(new DeltaAccumulator.Key("histogram", labels), point.getTimeUnixNano(), histogram);
                if (histogram == null) {
                    rejectDeltaOutOfOrder(metric, out);
                    continue;
                }
            }
            writeHistogram(name, labels, point.getTimeUnixNano() / NANOS_PER_MILLI, histogram, stale, out);
            newest = Math.max(newest, point.getTimeUnixNano());
        }
        return newest;
    }

    private long exponentialHistograms(Metric metric, Labels common, PointWriter out, DeltaAccumulator.Session deltas) {
        List<ExponentialHistogramDataPoint> points = metric.getExponentialHistogram().getDataPointsList();
        AggregationTemporality temporality = metric.getExponentialHistogram().getAggregationTemporality();
        String name = histogramFamily(metric, points.size(), temporality, out);
        if (name == null) {
            return 0;
        }
        long newest = 0;
        for (ExponentialHistogramDataPoint point : points) {
            if (!checkTime(metric, point.getTimeUnixNano(), out)) {
                continue;
            }
            ExponentialHistogram histogram = ExponentialHistogram.of(point);
            Labels labels = seriesLabels(common, point.getAttributesList(), name);
            boolean stale = (point.getFlags() & NO_RECORDED_VALUE) != 0;
            if (temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA && !stale) {
                histogram = deltas.addExponential(new DeltaAccumulator.Key("exponential", labels), point.getTimeUnixNano(),
                        histogram);
                if (histogram == null) {
                    rejectDeltaOutOfOrder(metric, out);
                    continue;
                }
            }
            writeHistogram(name, labels, point.getTimeUnixNano() / NANOS_PER_MILLI, histogram, stale, out);
            newest = Math.max(newest, point.getTimeUnixNano());
        }
        return newest;
    }

    private long summaries(Metric metric, Labels common, PointWriter out) {
        String name = PrometheusNames.metricName(metric.getName(), metric.getUnit(), false, false);
        List<SummaryDataPoint> points = metric.getSummary().getDataPointsList();
        // summaries have no temporality: they are cumulative by definition
        if (!checkFamily(metric, name, points.size(), AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, out)) {
            return 0;
        }
        out.metadata(name, new MetricMetadata(MetricType.SUMMARY, metric.getDescription(),
                PrometheusNames.unit(metric.getUnit(), false)));
        long newest = 0;
        for (SummaryDataPoint point : points) {
            if (!checkTime(metric, point.getTimeUnixNano(), out)) {
                continue;
            }
            Labels labels = seriesLabels(common, point.getAttributesList(), name);
            long time = point.getTimeUnixNano() / NANOS_PER_MILLI;
            boolean stale = (point.getFlags() & NO_RECORDED_VALUE) != 0;
            for (SummaryDataPoint.ValueAtQuantile q : point.getQuantileValuesList()) {
                Labels quantile = labels.toBuilder().set("quantile", PrometheusNames.formatDouble(q.getQuantile())).build();
                out.sample(quantile, time, stale ? StaleMarker.VALUE : q.getValue());
            }
            out.sample(renamed(labels, name + "_sum"), time, stale ? StaleMarker.VALUE : point.getSum());
            out.sample(renamed(labels, name + "_count"), time, stale ? StaleMarker.VALUE : point.getCount());
            out.endPoint();
            newest = Math.max(newest, point.getTimeUnixNano());
        }
        return newest;
    }

    private static void writeHistogram(String name, Labels labels, long time, ClassicHistogram histogram, boolean stale,
            PointWriter out) {
        Labels.Builder bucketLabels = labels.toBuilder().set(Labels.METRIC_NAME, name + "_bucket");
        for (ClassicBucket bucket : histogram.classicBuckets()) {
            bucketLabels.set("le", PrometheusNames.formatDouble(bucket.upperBound()));
            out.sample(bucketLabels.build(), time, stale ? StaleMarker.VALUE : bucket.cumulativeCount());
        }
        if (histogram.hasSum()) {
            out.sample(renamed(labels, name + "_sum"), time, stale ? StaleMarker.VALUE : histogram.sum());
        }
        out.sample(renamed(labels, name + "_count"), time, stale ? StaleMarker.VALUE : histogram.count());
        out.endPoint();
    }

    /**
     * Refuses every point of a metric that cannot be translated at all: one without a valid name, or with a
     * temporality other than cumulative or delta.
     */
    private static boolean checkFamily(Metric metric, String name, int points, AggregationTemporality temporality,
            PointWriter out) {
        String problem = null;
        if (name.isEmpty()) {
            problem = "metric '" + metric.getName() + "' has no valid Prometheus name";
        } else if (temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE
                && temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
            problem = "metric '" + metric.getName() + "' has aggregation temporality " + temporality
                    + "; only cumulative and delta are supported";
        }
        if (problem == null) {
            return true;
        }
        for (int i = 0; i < points; i++) {
            out.reject(PointWriter.INVALID_POINT, problem);
        }
        return false;
    }

    private static boolean checkTime(Metric metric, long timeUnixNano, PointWriter out) {
        if (timeUnixNano > 0) {
            return true;
        }
        out.reject(PointWriter.INVALID_POINT, "metric '" + metric.getName() + "': a data point has no time_unix_nano");
        return false;
    }

    private static void rejectDeltaOutOfOrder(Metric metric, PointWriter out) {
        out.reject(PointWriter.DELTA_OUT_OF_ORDER, "metric '" + metric.getName()
                + "': a delta data point is not newer than the last one accumulated for its series");
    }

    private static Labels seriesLabels(Labels common, List<KeyValue> attributes, String name) {
        Map<String, String> fromAttributes = AttributeValues.toLabels(attributes);
        Labels.Builder labels = Labels.builder();
        fromAttributes.forEach(labels::set);
        common.forEach(labels::set);
        return labels.set(Labels.METRIC_NAME, name).build();
    }

    private static Labels renamed(Labels labels, String name) {
        return labels.toBuilder().set(Labels.METRIC_NAME, name).build();
    }
}
