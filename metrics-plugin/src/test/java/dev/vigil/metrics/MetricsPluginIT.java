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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
