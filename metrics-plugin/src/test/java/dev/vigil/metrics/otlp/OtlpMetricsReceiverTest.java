package dev.vigil.metrics.otlp;

import static dev.vigil.metrics.otlp.OtlpExchanges.protobuf;
import static dev.vigil.metrics.otlp.OtlpRequests.T0;
import static dev.vigil.metrics.otlp.OtlpRequests.attr;
import static dev.vigil.metrics.otlp.OtlpRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.testing.TestingHttpExchange;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.metrics.testing.TestingMetricStore.Sample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpMetricsReceiverTest {

    private static final long MS = T0 / 1_000_000;
    private static final String[] COMMON = {
        "job", "shop/checkout", "instance", "i-1", "otel_scope_name", "io.shop", "otel_scope_version", "1.2"};

    private final TestingMetricStore store = new TestingMetricStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OtlpMetricsReceiver receiver = new OtlpMetricsReceiver(store, OtlpSettings.defaults(), meters);

    @Test
    void gaugeBecomesAGaugeWithUnitAndMetadata() {
        ExportMetricsServiceResponse response = send(request(Metric.newBuilder().setName("room.temperature").setUnit("Cel")
                .setDescription("Air temperature")
                .setGauge(Gauge.newBuilder()
                        .addDataPoints(number(T0, 21.5).addAttributes(attr("room", "a")))
                        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T0).setAsInt(19).addAttributes(attr("room", "b"))))
                .build()));

        assertThat(response.hasPartialSuccess()).isFalse();
        assertThat(store.samples(series("room_temperature_celsius", "room", "a"))).containsExactly(new Sample(MS, 21.5));
        assertThat(store.samples(series("room_temperature_celsius", "room", "b"))).containsExactly(new Sample(MS, 19));
        assertThat(store.metadata()).containsEntry("room_temperature_celsius",
                new MetricMetadata(MetricType.GAUGE, "Air temperature", "celsius"));
        assertThat(meters.get("vigil.otlp.metrics.points.accepted").counter().count()).isEqualTo(2);
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "success").counter().count()).isEqualTo(1);
    }

    @Test
    void monotonicSumBecomesACounterEndingInTotal() {
        send(request(sum("http.server.requests", "{request}", true, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                number(T0, 7).addAttributes(attr("http.route", "/cart")))));

        assertThat(store.samples(series("http_server_requests_total", "http_route", "/cart"))).containsExactly(new Sample(MS, 7));
        assertThat(store.metadata().get("http_server_requests_total").type()).isEqualTo(MetricType.COUNTER);
    }

    @Test
    void nonMonotonicSumBecomesAGauge() {
        send(request(sum("queue.size", "", false, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, number(T0, -3))));

        assertThat(store.samples(series("queue_size"))).containsExactly(new Sample(MS, -3));
        assertThat(store.metadata().get("queue_size").type()).isEqualTo(MetricType.GAUGE);
    }

    @Test
    void histogramBecomesCumulativeBucketsSumAndCount() {
        send(request(Metric.newBuilder().setName("http.server.duration").setUnit("s")
                .setHistogram(Histogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T0).setCount(6).setSum(7.5)
                                .addAllExplicitBounds(List.of(0.1, 1.0)).addAllBucketCounts(List.of(1L, 2L, 3L))))
                .build()));

        assertThat(store.samples(series("http_server_duration_seconds_bucket", "le", "0.1"))).containsExactly(new Sample(MS, 1));
        assertThat(store.samples(series("http_server_duration_seconds_bucket", "le", "1"))).containsExactly(new Sample(MS, 3));
        assertThat(store.samples(series("http_server_duration_seconds_bucket", "le", "+Inf"))).containsExactly(new Sample(MS, 6));
        assertThat(store.samples(series("http_server_duration_seconds_sum"))).containsExactly(new Sample(MS, 7.5));
        assertThat(store.samples(series("http_server_duration_seconds_count"))).containsExactly(new Sample(MS, 6));
        assertThat(store.metadata().get("http_server_duration_seconds"))
                .isEqualTo(new MetricMetadata(MetricType.HISTOGRAM, "", "seconds"));
    }

    @Test
    void histogramWithoutSumHasNoSumSeries() {
        send(request(Metric.newBuilder().setName("sizes")
                .setHistogram(Histogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T0).setCount(2)))
                .build()));

        assertThat(store.seriesNamed("sizes_sum")).isEmpty();
        assertThat(store.samples(series("sizes_bucket", "le", "+Inf"))).containsExactly(new Sample(MS, 2));
        assertThat(store.samples(series("sizes_count"))).containsExactly(new Sample(MS, 2));
    }

    @Test
    void exponentialHistogramBecomesClassicBuckets() {
        send(request(Metric.newBuilder().setName("payload").setUnit("By")
                .setExponentialHistogram(ExponentialHistogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(T0).setScale(0)
                                .setCount(5).setSum(20).setZeroCount(1)
                                .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(1)
                                        .addBucketCounts(3).addBucketCounts(1))))
                .build()));

        // scale 0: bucket 1 holds (2, 4], bucket 2 holds (4, 8]
        assertThat(store.samples(series("payload_bytes_bucket", "le", "0"))).containsExactly(new Sample(MS, 1));
        assertThat(store.samples(series("payload_bytes_bucket", "le", "4"))).containsExactly(new Sample(MS, 4));
        assertThat(store.samples(series("payload_bytes_bucket", "le", "8"))).containsExactly(new Sample(MS, 5));
        assertThat(store.samples(series("payload_bytes_bucket", "le", "+Inf"))).containsExactly(new Sample(MS, 5));
        assertThat(store.samples(series("payload_bytes_sum"))).containsExactly(new Sample(MS, 20));
        assertThat(store.samples(series("payload_bytes_count"))).containsExactly(new Sample(MS, 5));
    }

    @Test
    void summaryBecomesQuantilesSumAndCount() {
        send(request(Metric.newBuilder().setName("rpc.latency").setUnit("ms")
                .setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder().setTimeUnixNano(T0)
                        .setCount(10).setSum(55)
                        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(4))
                        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.99).setValue(9))))
                .build()));

        assertThat(store.samples(series("rpc_latency_milliseconds", "quantile", "0.5"))).containsExactly(new Sample(MS, 4));
        assertThat(store.samples(series("rpc_latency_milliseconds", "quantile", "0.99"))).containsExactly(new Sample(MS, 9));
        assertThat(store.samples(series("rpc_latency_milliseconds_sum"))).containsExactly(new Sample(MS, 55));
        assertThat(store.samples(series("rpc_latency_milliseconds_count"))).containsExactly(new Sample(MS, 10));
        assertThat(store.metadata().get("rpc_latency_milliseconds").type()).isEqualTo(MetricType.SUMMARY);
    }

    @Test
    void otherResourceAttributesGoToTargetInfo() {
        send(request(gauge("up", number(T0, 1))));

        assertThat(store.samples(Labels.of("__name__", "target_info", "job", "shop/checkout", "instance", "i-1", "host_name", "h1")))
                .containsExactly(new Sample(MS, 1));
    }

    @Test
    void targetInfoAndScopeLabelsCanBeTurnedOff() {
        OtlpMetricsReceiver plain = new OtlpMetricsReceiver(store, new OtlpSettings(ByteSize.ofMebibytes(1), false, false), meters);
        TestingHttpExchange exchange = protobuf(request(gauge("up", number(T0, 1))).toByteArray());
        plain.handle(exchange);

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(store.all().keySet()).containsExactly(Labels.of("__name__", "up", "job", "shop/checkout", "instance", "i-1"));
    }

    @Test
    void attributesBecomeLabelsButDoNotOverrideTheTarget() {
        send(request(gauge("up", number(T0, 1).addAttributes(attr("job", "spoofed")).addAttributes(attr("k8s.pod-name", "p")))));

        assertThat(store.samples(series("up", "k8s_pod_name", "p"))).containsExactly(new Sample(MS, 1));
    }

    @Test
    void noRecordedValueBecomesAStaleMarker() {
        send(request(gauge("up", number(T0, 1))));
        send(request(gauge("up", NumberDataPoint.newBuilder().setTimeUnixNano(T0 + 1_000_000_000L)
                .setFlags(DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE))));

        List<Sample> samples = store.samples(series("up"));
        assertThat(samples).hasSize(2);
        assertThat(StaleMarker.isStale(samples.get(1).value())).isTrue();
    }

    @Test
    void deltaSumsAreAccumulated() {
        AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        send(request(sum("jobs.done", "", true, delta, number(T0, 3))));
        send(request(sum("jobs.done", "", true, delta, number(T0 + 1_000_000_000L, 4))));
        ExportMetricsServiceResponse replay = send(request(sum("jobs.done", "", true, delta, number(T0 + 1_000_000_000L, 4))));

        assertThat(store.samples(series("jobs_done_total"))).containsExactly(new Sample(MS, 3), new Sample(MS + 1000, 7));
        assertThat(replay.getPartialSuccess().getRejectedDataPoints()).isEqualTo(1);
        assertThat(replay.getPartialSuccess().getErrorMessage()).contains("jobs.done").contains("delta");
        assertThat(meters.get("vigil.otlp.metrics.points.rejected").tag("reason", "delta_out_of_order").counter().count()).isEqualTo(1);
    }

    @Test
    void deltaHistogramsAreAccumulated() {
        AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        for (int i = 0; i < 2; i++) {
            send(request(Metric.newBuilder().setName("work").setHistogram(Histogram.newBuilder().setAggregationTemporality(delta)
                    .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T0 + i * 1_000_000_000L).setCount(3).setSum(3)
                            .addExplicitBounds(1).addAllBucketCounts(List.of(1L, 2L)))).build()));
        }

        assertThat(store.samples(series("work_bucket", "le", "1"))).containsExactly(new Sample(MS, 1), new Sample(MS + 1000, 2));
        assertThat(store.samples(series("work_bucket", "le", "+Inf"))).containsExactly(new Sample(MS, 3), new Sample(MS + 1000, 6));
        assertThat(store.samples(series("work_sum"))).containsExactly(new Sample(MS, 3), new Sample(MS + 1000, 6));
    }

    @Test
    void deltaTotalsBeyondTheBoundAreEvictedAndCounted() {
        OtlpMetricsReceiver bounded = new OtlpMetricsReceiver(store, OtlpSettings.defaults(), meters, 1);
        AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        bounded.handle(protobuf(request(sum("a", "", true, delta, number(T0, 1)), sum("b", "", true, delta, number(T0, 1))).toByteArray()));
        bounded.handle(protobuf(request(sum("a", "", true, delta, number(T0 + 1_000_000_000L, 1))).toByteArray()));

        assertThat(meters.get("vigil.otlp.metrics.delta.evictions").counter().count()).isGreaterThanOrEqualTo(1);
        // a's total was evicted by b's, so it starts again: the store sees a counter reset
        assertThat(store.samples(series("a_total"))).containsExactly(new Sample(MS, 1), new Sample(MS + 1000, 1));
    }

    @Test
    void storeRejectionsArePartialSuccessAndTheRestIsKept() {
        send(request(gauge("up", number(T0 + 10_000_000_000L, 1))));
        ExportMetricsServiceResponse response = send(request(gauge("up", number(T0, 0)), gauge("other", number(T0, 2))));

        assertThat(response.getPartialSuccess().getRejectedDataPoints()).isEqualTo(1);
        assertThat(response.getPartialSuccess().getErrorMessage()).startsWith("1 data point(s) rejected; first: ").contains("out of order")
                .doesNotContain("\n");
        assertThat(store.samples(series("other"))).containsExactly(new Sample(MS, 2));
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "partial").counter().count()).isEqualTo(1);
        assertThat(meters.get("vigil.otlp.metrics.points.rejected").tag("reason", "out_of_order").counter().count()).isEqualTo(1);
    }

    @Test
    void invalidPointsAreRefusedAlone() {
        ExportMetricsServiceResponse response = send(request(
                Metric.newBuilder().setName("broken").setHistogram(Histogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T0).setCount(1)
                                .addExplicitBounds(1).addBucketCounts(1))).build(),
                sum("unspecified", "", true, AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED, number(T0, 1)),
                gauge("no.time", NumberDataPoint.newBuilder().setAsDouble(1)),
                gauge("fine", number(T0, 1))));

        assertThat(response.getPartialSuccess().getRejectedDataPoints()).isEqualTo(3);
        assertThat(response.getPartialSuccess().getErrorMessage()).contains("broken").contains("bucket counts");
        assertThat(store.seriesNamed("fine")).hasSize(1);
        assertThat(store.seriesNamed("broken_count")).isEmpty();
        assertThat(meters.get("vigil.otlp.metrics.points.rejected").tag("reason", "invalid_point").counter().count()).isEqualTo(3);
    }

    @Test
    void oneCommitPerRequest() {
        send(request(gauge("a", number(T0, 1)), gauge("b", number(T0, 2))));

        assertThat(store.commits()).isEqualTo(1);
    }

    private ExportMetricsServiceResponse send(ExportMetricsServiceRequest request) {
        TestingHttpExchange exchange = protobuf(request.toByteArray());
        receiver.handle(exchange);
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.contentType()).isEqualTo("application/x-protobuf");
        try {
            return ExportMetricsServiceResponse.parseFrom(exchange.responseBytes());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("the response is not an ExportMetricsServiceResponse", e);
        }
    }

    private static Labels series(String name, String... extra) {
        Labels.Builder labels = Labels.of(COMMON).toBuilder().set("__name__", name);
        for (int i = 0; i < extra.length; i += 2) {
            labels.set(extra[i], extra[i + 1]);
        }
        return labels.build();
    }

    private static NumberDataPoint.Builder number(long time, double value) {
        return NumberDataPoint.newBuilder().setTimeUnixNano(time).setAsDouble(value);
    }

    private static Metric gauge(String name, NumberDataPoint.Builder point) {
        return Metric.newBuilder().setName(name).setGauge(Gauge.newBuilder().addDataPoints(point)).build();
    }

    private static Metric sum(String name, String unit, boolean monotonic, AggregationTemporality temporality,
            NumberDataPoint.Builder... points) {
        Sum.Builder sum = Sum.newBuilder().setIsMonotonic(monotonic).setAggregationTemporality(temporality);
        for (NumberDataPoint.Builder p : points) {
            sum.addDataPoints(p);
        }
        return Metric.newBuilder().setName(name).setUnit(unit).setSum(sum).build();
    }
}
