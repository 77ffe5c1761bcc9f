package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The metrics plugin from its JAR, in a real kernel: meters, exposition, the store and the self-scrape. */
class MetricsPluginIT {

    static final Path JAR = Path.of(System.getProperty("vigil.metrics.jar", "target/vigil-metrics-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(30);

    static TestKernel start(String config) throws Exception {
        return TestKernel.builder().systemClock().pluginJar(JAR).config(config).start();
    }

    @Test
    void exposesThePlatformsMetersAsPrometheusTextAndOpenMetrics() throws Exception {
        try (TestKernel kernel = start("")) {
            kernel.awaitState("metrics", PluginState.ACTIVE, WAIT);

            HttpResponse<String> text = kernel.get("/metrics");
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(text.body()).contains("jvm_memory_used_bytes{", "process_cpu_usage", "jvm_gc_", "process_files_open_files",
                    "process_uptime_seconds", "disk_free_bytes", "jvm_classes_loaded_classes", "jvm_threads_live_threads");

            HttpResponse<String> open = kernel.send(HttpRequest.newBuilder(kernel.uri().resolve("/metrics"))
                    .header("Accept", "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4"));
            assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
            assertThat(open.body()).endsWith("# EOF\n");
        }
    }

    @Test
    void promtoolFindsNoProblemInTheExposition() throws Exception {
        try (TestKernel kernel = start("")) {
            kernel.awaitState("metrics", PluginState.ACTIVE, WAIT);
            String exposition = kernel.get("/metrics").body();

            Promtool.Result result = Promtool.checkMetrics(exposition);

            assertThat(result.output()).as("promtool check metrics").isEmpty();
            assertThat(result.exitCode()).isZero();
        }
    }

    @Test
    void aPluginsMetersAppearOnMetricsAndLeaveWhenItStops() throws Exception {
        Plugin consumer = new Plugin() {
            @Override
            public void start(PluginContext context) {
                MeterRegistry registry = context.services().find(MeterRegistry.class).orElseThrow();
                Counter.builder("consumer.events").description("Events the consumer saw").register(registry).increment(5);
            }
        };
        try (TestKernel kernel = TestKernel.builder().systemClock().pluginJar(JAR)
                .plugin("consumer", "1.0.0", () -> consumer, "metrics").start()) {
            kernel.awaitState("consumer", PluginState.ACTIVE, WAIT);
            assertThat(kernel.get("/metrics").body()).contains("consumer_events_total 5.0");

            assertThat(kernel.postAsAdmin("/api/v1/plugins/consumer/stop").statusCode()).isEqualTo(200);

            assertThat(kernel.get("/metrics").body()).doesNotContain("consumer_events");
        }
    }

    @Test
    void thePlatformsOwnMetersAreStored() throws Exception {
        try (TestKernel kernel = start("metrics:\n  selfScrapeInterval: 1s\n")) {
            MetricStore store = store(kernel);

            List<Series> series = awaitSeries(store, LabelMatcher.metricName("jvm_threads_live_threads"), LabelMatcher.equal("job", "vigil"));

            SampleCursor cursor = series.get(0).cursor();
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.value()).isPositive();
            assertThat(awaitSeries(store, LabelMatcher.metricName("up"), LabelMatcher.equal("job", "vigil"))).hasSize(1);
        }
    }

    @Test
    void anOpenTelemetrySdkExportsToTheOtlpPort() throws Exception {
        try (TestKernel kernel = start("")) {
            MetricStore store = store(kernel);
            OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
                    .setEndpoint(kernel.otlpUri().resolve("/v1/metrics").toString())
                    .build();
            SdkMeterProvider provider = SdkMeterProvider.builder()
                    .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"))))
                    .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofMinutes(10)).build())
                    .build();
            try {
                provider.get("shop").counterBuilder("orders").setUnit("{order}").build()
                        .add(3, Attributes.of(AttributeKey.stringKey("region"), "eu"));
                assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            } finally {
                provider.shutdown().join(10, TimeUnit.SECONDS);
            }

            Series orders = awaitSeries(store, LabelMatcher.metricName("orders_total"), LabelMatcher.equal("job", "checkout")).get(0);
            assertThat(orders.labels().get("region")).isEqualTo("eu");
            SampleCursor cursor = orders.cursor();
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.value()).isEqualTo(3.0);
        }
    }

    @Test
    void aMicrometerOtlpRegistryExportsToTheOtlpPort() throws Exception {
        try (TestKernel kernel = start("")) {
            MetricStore store = store(kernel);
            Map<String, String> settings = Map.of(
                    "otlp.url", kernel.otlpUri().resolve("/v1/metrics").toString(),
                    "otlp.step", "PT10M",
                    "otlp.resourceAttributes", "service.name=payments");
            OtlpMeterRegistry registry = new OtlpMeterRegistry(settings::get, io.micrometer.core.instrument.Clock.SYSTEM);
            Counter.builder("payments").tag("currency", "eur").register(registry).increment(2);
            registry.close();

            Series payments = awaitSeries(store, LabelMatcher.metricName("payments_total"), LabelMatcher.equal("job", "payments")).get(0);
            assertThat(payments.labels().get("currency")).isEqualTo("eur");
        }
    }

    @Test
    void scrapesAConfiguredTarget() throws Exception {
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/metrics", exchange -> {
            byte[] body = ("# HELP demo_temperature_celsius Room temperature.\n"
                    + "# TYPE demo_temperature_celsius gauge\n"
                    + "demo_temperature_celsius{room=\"lab\"} 21.5\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        String address = "127.0.0.1:" + target.getAddress().getPort();
        try (TestKernel kernel = start("metrics:\n  scrape:\n    jobs:\n      - name: demo\n        interval: 1s\n        timeout: 500ms\n"
                + "        targets: [\"" + address + "\"]\n")) {
            MetricStore store = store(kernel);

            Series temperature = awaitSeries(store, LabelMatcher.metricName("demo_temperature_celsius"), LabelMatcher.equal("job", "demo")).get(0);
            assertThat(temperature.labels().get("instance")).isEqualTo(address);
            assertThat(temperature.labels().get("room")).isEqualTo("lab");
            SampleCursor up = awaitSeries(store, LabelMatcher.metricName("up"), LabelMatcher.equal("job", "demo")).get(0).cursor();
            assertThat(up.next()).isTrue();
            assertThat(up.value()).isEqualTo(1.0);
            // the target's status is updated once its samples are stored
            String targets = Await.until("the target to be up", WAIT, () -> kernel.get("/api/v1/targets").body(),
                    body -> body.contains("\"health\":\"up\""));
            assertThat(targets).contains("\"scrapePool\":\"demo\"", "\"scrapeUrl\":\"http://" + address + "/metrics\"");
        } finally {
            target.stop(0);
        }
    }

    static MetricStore store(TestKernel kernel) {
        kernel.awaitState("metrics", PluginState.ACTIVE, WAIT);
        return kernel.kernel().services().find(MetricStore.class).orElseThrow();
    }

    static List<Series> awaitSeries(MetricStore store, LabelMatcher... matchers) {
        return Await.until("series " + List.of(matchers), WAIT, () -> {
            try (MetricQuerier querier = store.querier(0, Long.MAX_VALUE)) {
                return querier.select(List.of(matchers));
            }
        }, found -> !found.isEmpty());
    }
}
