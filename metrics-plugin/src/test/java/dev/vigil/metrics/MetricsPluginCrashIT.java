package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import dev.vigil.testkit.Await;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample a client was told was accepted is still there after the server is killed with SIGKILL and
 * started again: a real server process with the metrics plugin from its JAR, real OTLP/HTTP requests.
 */
class MetricsPluginCrashIT {

    private static final int SERIES = 3;
    private static final long START = System.currentTimeMillis() - Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;

    @Test
    void samplesAcknowledgedBeforeAKillAreThereAfterARestart() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(MetricsPluginIT.JAR, plugins.resolve("metrics.jar"));
        Path config = Files.writeString(dir.resolve("vigil.yaml"), "metrics:\n  selfScrapeInterval: 0s\n");
        Path data = dir.resolve("data");

        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CrashingServer.class.getName(),
                config.toString(), plugins.toString(), data.toString())
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        AtomicInteger acked = new AtomicInteger();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = Await.until("the server to start", Duration.ofSeconds(60), () -> readLine(out), line -> line.startsWith("ready "));
            URI otlp = URI.create(ready.split(" ")[2]).resolve("/v1/metrics");
            // a client sends one request after the other and counts those the server answered 200; the server is
            // killed while it is sending, without warning
            Thread client = new Thread(() -> send(otlp, acked), "crash-test-client");
            client.start();
            Await.until("300 acknowledged requests", Duration.ofSeconds(60), acked::get, n -> n >= 300);
            server.destroyForcibly();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            client.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(client.isAlive()).isFalse();
        } finally {
            server.destroyForcibly();
        }
        int acknowledged = acked.get();

        try (Kernel restarted = CrashingServer.server(config, plugins, data)) {
            restarted.start();
            assertThat(restarted.plugin("metrics").orElseThrow().state()).isEqualTo(PluginState.ACTIVE);
            MetricStore store = restarted.services().find(MetricStore.class).orElseThrow();
            try (MetricQuerier querier = store.querier(0, Long.MAX_VALUE)) {
                List<Series> series = querier.select(List.of(LabelMatcher.metricName("crash_probe")));
                assertThat(series).hasSize(SERIES);
                for (Series s : series) {
                    int shard = Integer.parseInt(s.labels().get("shard"));
                    SampleCursor cursor = s.cursor();
                    for (int i = 0; i < acknowledged; i++) {
                        assertThat(cursor.next()).as("sample %d of %s", i, s.labels()).isTrue();
                        assertThat(cursor.timestamp()).isEqualTo(START + i * 1000L);
                        assertThat(cursor.value()).isEqualTo(value(i, shard));
                    }
                }
            }
        }
    }

    /** Sends requests until one fails, counting those answered 200; any other answer is a failure of the test. */
    private static void send(URI otlp, AtomicInteger acked) {
        HttpClient http = HttpClient.newHttpClient();
        for (int n = 0; ; n++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(otlp)
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request(n).toByteArray()))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                return; // the server is gone: this request was never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("request " + n + " got " + response.statusCode() + ": " + response.body());
            }
            acked.incrementAndGet();
        }
    }

    private static String readLine(BufferedReader out) {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the server exited before it was ready");
            }
            return line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double value(int request, int shard) {
        return request * 10.0 + shard + 0.25;
    }

    /** One OTLP request: a gauge point per series at one timestamp per request. */
    private static ExportMetricsServiceRequest request(int n) {
        Gauge.Builder gauge = Gauge.newBuilder();
        for (int shard = 0; shard < SERIES; shard++) {
            gauge.addDataPoints(NumberDataPoint.newBuilder()
                    .setTimeUnixNano(TimeUnit.MILLISECONDS.toNanos(START + n * 1000L))
                    .setAsDouble(value(n, shard))
                    .addAttributes(KeyValue.newBuilder().setKey("shard").setValue(AnyValue.newBuilder().setStringValue(Integer.toString(shard)))));
        }
        return ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                                .setValue(AnyValue.newBuilder().setStringValue("crash-test"))))
                        .addScopeMetrics(ScopeMetrics.newBuilder()
                                .addMetrics(Metric.newBuilder().setName("crash_probe").setGauge(gauge))))
                .build();
    }
}
