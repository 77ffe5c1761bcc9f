package dev.vigil.metrics.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.metrics.testing.TestingMetricStore.Sample;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver on a real kernel's HTTP server, fed by the OpenTelemetry SDK and by Micrometer. */
class OtlpEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final TestingMetricStore store = new TestingMetricStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TestKernel kernel;

    @BeforeEach
    void startKernel() throws Exception {
        OtlpMetricsReceiver receiver = new OtlpMetricsReceiver(store, new OtlpSettings(ByteSize.ofMebibytes(1), true, true), meters);
        kernel = TestKernel.builder().plugin("otlp-test", "1.0.0", () -> new ReceiverPlugin(receiver)).start();
    }

    @AfterEach
    void stopKernel() {
        kernel.close();
    }

    @Test
    void openTelemetrySdkOverProtobuf() {
        exportWithSdk(OtlpHttpMetricExporter.builder());
    }

    @Test
    void openTelemetrySdkOverGzippedProtobuf() {
        exportWithSdk(OtlpHttpMetricExporter.builder().setCompression("gzip"));
    }

    @Test
    void openTelemetrySdkWithDeltaTemporality() {
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(kernel.uri().resolve("/v1/metrics").toString())
                .setAggregationTemporalitySelector(AggregationTemporalitySelector.deltaPreferred())
                .build();
        SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "deltas")))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
                .registerView(InstrumentSelector.builder().setName("sizes").build(),
                        View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
                .build();
        try {
            Meter meter = provider.get("delta.meter");
            LongCounter counter = meter.counterBuilder("events").build();
            DoubleHistogram sizes = meter.histogramBuilder("sizes").build();
            counter.add(3);
            sizes.record(1);
            sizes.record(10);
            assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
            counter.add(4);
            sizes.record(1000);
            assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        } finally {
            provider.shutdown().join(20, TimeUnit.SECONDS);
        }

        Map<String, String> target = Map.of("job", "deltas", "otel_scope_name", "delta.meter");
        Labels events = Labels.of(target).toBuilder().set("__name__", "events_total").build();
        assertThat(Await.until("the accumulated counter", TIMEOUT, () -> store.samples(events), s -> s.size() == 2))
                .extracting(Sample::value).containsExactly(3.0, 7.0);
        Labels count = Labels.of(target).toBuilder().set("__name__", "sizes_count").build();
        assertThat(Await.until("the accumulated histogram", TIMEOUT, () -> store.samples(count), s -> s.size() == 2))
                .extracting(Sample::value).containsExactly(2.0, 3.0);
        assertThat(value(target, "sizes_sum")).isEqualTo(1011);
    }

    @Test
    void micrometerOtlpRegistry() {
        Map<String, String> properties = Map.of(
                "otlp.url", kernel.uri().resolve("/v1/metrics").toString(),
                "otlp.step", "1h",
                "otlp.resourceAttributes", "service.name=billing,service.instance.id=b-1");
        OtlpConfig config = properties::get;
        OtlpMeterRegistry registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
        Counter.builder("invoices.sent").tag("channel", "mail").register(registry).increment(4);
        Timer.builder("invoice.render").register(registry).record(Duration.ofMillis(120));
        registry.close();

        Labels counter = Await.until("the Micrometer counter", TIMEOUT, () -> store.seriesNamed("invoices_sent_total"), l -> !l.isEmpty()).get(0);
        assertThat(counter.asMap()).containsEntry("job", "billing").containsEntry("instance", "b-1").containsEntry("channel", "mail");
        assertThat(store.samples(counter)).extracting(Sample::value).containsExactly(4.0);
        Labels count = Await.until("the Micrometer timer", TIMEOUT, () -> store.seriesNamed("invoice_render_milliseconds_count"),
                l -> !l.isEmpty()).get(0);
        assertThat(store.samples(count)).extracting(Sample::value).containsExactly(1.0);
        assertThat(store.samples(count.toBuilder().set("__name__", "invoice_render_milliseconds_sum").build()))
                .extracting(Sample::value).containsExactly(120.0);
        assertThat(store.seriesNamed("invoice_render_milliseconds_bucket")).isNotEmpty();
    }

    @Test
    void jsonOverHttp() {
        String json = """
                {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"curl"}}]},
                 "scopeMetrics":[{"metrics":[{"name":"up","gauge":{"dataPoints":[{"timeUnixNano":"%d","asDouble":1}]}}]}]}]}
                """.formatted(OtlpRequests.T0);
        HttpResponse<String> response = post("application/json", null, json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(store.samples(Labels.of("__name__", "up", "job", "curl"))).containsExactly(new Sample(OtlpRequests.T0 / 1_000_000, 1));
    }

    @Test
    void refusalsOverHttp() {
        byte[] valid = OtlpRequests.request().toByteArray();
        assertThat(post("application/x-protobuf", null, new byte[] {0x0a, (byte) 0xff}).statusCode()).isEqualTo(400);
        assertThat(post("application/x-protobuf", "gzip", valid).statusCode()).isEqualTo(400);
        assertThat(post("application/x-protobuf", "gzip", OtlpRequests.gzip(new byte[2 * 1024 * 1024])).statusCode()).isEqualTo(413);
        HttpResponse<String> unsupported = post("text/plain", null, "up 1".getBytes(StandardCharsets.UTF_8));
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(unsupported.body()).contains("\"code\":3").contains("text/plain");
        assertThat(store.all()).isEmpty();
    }

    private void exportWithSdk(OtlpHttpMetricExporterBuilder exporter) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "checkout",
                AttributeKey.stringKey("service.namespace"), "shop",
                AttributeKey.stringKey("service.instance.id"), "n1")));
        SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(resource)
                .registerMetricReader(PeriodicMetricReader.builder(exporter.setEndpoint(kernel.uri().resolve("/v1/metrics").toString()).build())
                        .setInterval(Duration.ofHours(1)).build())
                .registerView(InstrumentSelector.builder().setName("payload.size").build(),
                        View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
                .build();
        try {
            Meter meter = provider.meterBuilder("shop.meter").setInstrumentationVersion("0.3").build();
            Attributes eu = Attributes.of(AttributeKey.stringKey("region"), "eu");
            LongCounter orders = meter.counterBuilder("orders.placed").setUnit("{order}").build();
            orders.add(3, eu);
            LongUpDownCounter queue = meter.upDownCounterBuilder("queue.depth").build();
            queue.add(5);
            queue.add(-2);
            meter.gaugeBuilder("cpu.utilization").setUnit("1").buildWithCallback(m -> m.record(0.25));
            DoubleHistogram duration = meter.histogramBuilder("request.duration").setUnit("s")
                    .setExplicitBucketBoundariesAdvice(List.of(0.1, 1.0)).build();
            duration.record(0.05);
            duration.record(0.5);
            duration.record(2);
            DoubleHistogram payload = meter.histogramBuilder("payload.size").setUnit("By").build();
            payload.record(100);
            payload.record(1000);
            payload.record(1000);
            assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        } finally {
            provider.shutdown().join(20, TimeUnit.SECONDS);
        }

        Map<String, String> target = Map.of("job", "shop/checkout", "instance", "n1", "otel_scope_name", "shop.meter",
                "otel_scope_version", "0.3");
        assertThat(value(target, "orders_placed_total", "region", "eu")).isEqualTo(3);
        assertThat(value(target, "queue_depth")).isEqualTo(3);
        assertThat(value(target, "cpu_utilization_ratio")).isEqualTo(0.25);
        assertThat(value(target, "request_duration_seconds_bucket", "le", "0.1")).isEqualTo(1);
        assertThat(value(target, "request_duration_seconds_bucket", "le", "1")).isEqualTo(2);
        assertThat(value(target, "request_duration_seconds_bucket", "le", "+Inf")).isEqualTo(3);
        assertThat(value(target, "request_duration_seconds_sum")).isEqualTo(2.55);
        assertThat(value(target, "request_duration_seconds_count")).isEqualTo(3);
        assertThat(value(target, "payload_size_bytes_count")).isEqualTo(3);
        assertThat(value(target, "payload_size_bytes_sum")).isEqualTo(2100);
        assertThat(value(target, "payload_size_bytes_bucket", "le", "+Inf")).isEqualTo(3);
        // the largest finite bucket holds everything; the one just below 1000 holds only the 100
        List<Labels> payloadBuckets = store.seriesNamed("payload_size_bytes_bucket");
        assertThat(payloadBuckets.stream().filter(l -> !l.get("le").equals("+Inf"))
                .mapToDouble(l -> store.samples(l).get(0).value()).max()).hasValue(3);
        assertThat(payloadBuckets.stream().filter(l -> !l.get("le").equals("+Inf") && Double.parseDouble(l.get("le")) < 1000)
                .mapToDouble(l -> store.samples(l).get(0).value()).max()).hasValue(1);
        assertThat(store.seriesNamed("target_info")).singleElement().satisfies(l -> assertThat(l.asMap())
                .containsEntry("job", "shop/checkout").containsEntry("instance", "n1")
                .containsEntry("telemetry_sdk_language", "java").doesNotContainKey("service_name"));
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "success").counter().count()).isGreaterThanOrEqualTo(1);
    }

    private double value(Map<String, String> target, String name, String... extra) {
        Labels.Builder labels = Labels.of(target).toBuilder().set("__name__", name);
        for (int i = 0; i < extra.length; i += 2) {
            labels.set(extra[i], extra[i + 1]);
        }
        Labels series = labels.build();
        List<Sample> samples = Await.until(series.toString(), TIMEOUT, () -> store.samples(series), s -> !s.isEmpty());
        return samples.get(samples.size() - 1).value();
    }

    private HttpResponse<String> post(String contentType, String contentEncoding, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(kernel.uri().resolve("/v1/metrics"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return kernel.send(request);
    }

    /** Serves the receiver on the API server, as the metrics plugin serves it on the OTLP listener. */
    private static final class ReceiverPlugin implements Plugin {
        private final OtlpMetricsReceiver receiver;

        ReceiverPlugin(OtlpMetricsReceiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public void start(PluginContext context) {
            context.routes().add(HttpMethod.POST, "/v1/metrics", RouteAccess.PUBLIC, receiver);
        }
    }
}
