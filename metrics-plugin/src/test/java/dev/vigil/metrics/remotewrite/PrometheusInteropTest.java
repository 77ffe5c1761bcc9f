package dev.vigil.metrics.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.metrics.testing.PrometheusProcess;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote write against a real Prometheus 2.42, in both directions. */
class PrometheusInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private PrometheusProcess prometheus;
    private RemoteWriteExporter exporter;
    private TestKernel kernel;

    @BeforeEach
    void requirePrometheus() {
        PrometheusProcess.requireInstalled();
    }

    @AfterEach
    void stop() {
        if (exporter != null) {
            exporter.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void prometheusStoresWhatTheExporterSends() throws Exception {
        int port = PrometheusProcess.freePort();
        prometheus = PrometheusProcess.start(folder, port, "global:\n  scrape_interval: 1m\n", true);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        exporter = new RemoteWriteExporter(RemoteWriteSettings.forUrl(prometheus.uri().resolve("/api/v1/write")), meters, Clock.systemUTC());
        exporter.start();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            Labels series = Labels.of("__name__", "vigil_interop_total", "job", "vigil", "shard", Integer.toString(i));
            exporter.offer(series, now - 2000, i);
            exporter.offer(series, now - 1000, i + 0.5);
        }

        String body = Await.until("the series in Prometheus", WAIT,
                () -> prometheus.get("/api/v1/query?query=" + URLEncoder.encode("vigil_interop_total", StandardCharsets.UTF_8)
                        + "&time=" + (now / 1000.0)).body(),
                b -> b.contains("\"shard\":\"0\"") && b.contains("\"shard\":\"1\"") && b.contains("\"shard\":\"2\""));
        assertThat(body).contains("\"job\":\"vigil\"").contains("\"2.5\"");
        assertThat(prometheus.get("/api/v1/series?match[]=" + URLEncoder.encode("{job=\"vigil\"}", StandardCharsets.UTF_8)).body())
                .contains("vigil_interop_total");
        assertThat(meters.get("vigil.remote.write.samples").tag("outcome", "sent").counter().count()).isEqualTo(6);
    }

    @Test
    void prometheusRemoteWritesItsOwnMetricsToVigil() throws Exception {
        TestingMetricStore store = new TestingMetricStore();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        kernel = TestKernel.builder().plugin("remote-write-test", "1.0.0", () -> new ReceiverPlugin(store, meters)).start();
        kernel.awaitState("remote-write-test", PluginState.ACTIVE, Duration.ofSeconds(30));

        int port = PrometheusProcess.freePort();
        String config = "global:\n"
                + "  scrape_interval: 1s\n"
                + "scrape_configs:\n"
                + "  - job_name: prometheus\n"
                + "    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + port + "']\n"
                + "remote_write:\n"
                + "  - url: " + kernel.uri().resolve("/api/v1/write") + "\n"
                + "    queue_config:\n"
                + "      batch_send_deadline: 1s\n"
                + "      min_backoff: 100ms\n"
                + "      max_backoff: 1s\n"
                + "    metadata_config:\n"
                + "      send_interval: 1s\n";
        prometheus = PrometheusProcess.start(folder, port, config, false);

        List<Labels> found = Await.until("prometheus_build_info in Vigil's store", WAIT, () -> store.seriesNamed("prometheus_build_info"),
                l -> !l.isEmpty());
        Labels buildInfo = found.get(0);
        assertThat(buildInfo.get("job")).isEqualTo("prometheus");
        assertThat(buildInfo.get("instance")).isEqualTo("127.0.0.1:" + port);
        assertThat(buildInfo.get("version")).startsWith("2.");
        assertThat(store.samples(buildInfo)).allSatisfy(s -> assertThat(s.value()).isEqualTo(1.0));
        Await.until("up from the scrape", WAIT, () -> store.seriesNamed("up"), l -> !l.isEmpty());
        Await.until("metadata for prometheus_build_info", WAIT, store::metadata, m -> m.containsKey("prometheus_build_info"));
        assertThat(meters.get("vigil.remote.write.requests").tag("code", "204").counter().count()).isPositive();
        assertThat(meters.find("vigil.remote.write.requests").tag("code", "400").counter()).isNull();
    }

    /** A plugin that serves the receiver, as the metrics plugin does. */
    private static final class ReceiverPlugin implements Plugin {
        private final TestingMetricStore store;
        private final SimpleMeterRegistry meters;

        ReceiverPlugin(TestingMetricStore store, SimpleMeterRegistry meters) {
            this.store = store;
            this.meters = meters;
        }

        @Override
        public void start(PluginContext context) {
            context.routes().add(HttpMethod.POST, "/api/v1/write", RouteAccess.PUBLIC,
                    new RemoteWriteReceiver(store, ReceiverSettings.defaults(), meters));
        }
    }
}
