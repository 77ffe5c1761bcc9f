package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with a real Prometheus (Debian's {@code /usr/bin/prometheus}): it scrapes a gauge the test controls
 * and remote-writes it into Vigil, whose alerting rule fires and resolves through a webhook channel. Skipped when
 * Prometheus is not installed, except on CI ({@code CI=true}), where it must be.
 */
class PrometheusEndToEndIT {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    static final String RULES = """
            groups:
              - name: queues
                interval: 1s
                rules:
                  - alert: QueueTooDeep
                    expr: demo_queue_depth > 10
                    labels:
                      severity: page
                    annotations:
                      summary: "queue depth is {{ $value }}"
            """;

    @Test
    void aScrapedGaugeFiresOnceAndResolvesOnceThroughRemoteWrite(@TempDir Path dir) throws Exception {
        requireInstalled();
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        try (WebhookReceiver webhook = new WebhookReceiver();
                GaugeTarget target = new GaugeTarget();
                TestKernel kernel = TestKernel.builder().systemClock()
                        .pluginJar(AlertingPluginIT.METRICS_JAR).pluginJar(AlertingPluginIT.ALERTING_JAR)
                        .config(alertingConfig(rules, webhook.url("/hook"))).start()) {
            kernel.awaitState("alerting", PluginState.ACTIVE, WAIT);
            try (Prometheus prometheus = Prometheus.start(dir.resolve("prometheus"), prometheusConfig(target, kernel.uri()))) {
                Await.until("the gauge to arrive by remote write (Prometheus log: " + prometheus.log + ")", WAIT,
                        () -> query(kernel, "demo_queue_depth"), r -> r.size() == 1);

                target.set(50);

                Await.until("a firing notification", WAIT, webhook::bodies, b -> !b.isEmpty());
                JsonNode firing = webhook.bodies().get(0);
                assertThat(firing.path("status").asText()).isEqualTo("firing");
                assertThat(firing.path("alerts")).hasSize(1);
                JsonNode alert = firing.path("alerts").get(0);
                assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("QueueTooDeep");
                assertThat(alert.path("labels").path("job").asText()).isEqualTo("demo");
                assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("queue depth is 50");

                // several more evaluations and group intervals pass while the alert keeps firing
                awaitEvaluations(kernel, 5);
                assertThat(webhook.bodies()).hasSize(1);

                target.set(0);

                Await.until("a resolved notification", WAIT, webhook::bodies, b -> b.size() > 1);
                awaitEvaluations(kernel, 5);
                List<JsonNode> bodies = webhook.bodies();
                assertThat(bodies).hasSize(2);
                assertThat(bodies.get(1).path("status").asText()).isEqualTo("resolved");
                assertThat(bodies.get(1).path("alerts")).hasSize(1);
                assertThat(bodies.get(1).path("alerts").get(0).path("labels").path("alertname").asText()).isEqualTo("QueueTooDeep");
            }
        }
    }

    static String alertingConfig(Path rules, String webhookUrl) {
        return "alerting:\n"
                + "  ruleFiles: [\"" + rules + "\"]\n"
                + "  route:\n"
                + "    receiver: ops\n"
                + "    group_by: [alertname]\n"
                + "    group_wait: 1s\n"
                + "    group_interval: 1s\n"
                + "  receivers:\n"
                + "    - name: ops\n"
                + "      channels:\n"
                + "        - type: webhook\n"
                + "          url: " + webhookUrl + "\n"
                + "metrics:\n"
                + "  selfScrapeInterval: 0s\n";
    }

    static String prometheusConfig(GaugeTarget target, URI vigil) {
        return "global:\n"
                + "  scrape_interval: 1s\n"
                + "  scrape_timeout: 1s\n"
                + "scrape_configs:\n"
                + "  - job_name: demo\n"
                + "    static_configs:\n"
                + "      - targets: [\"127.0.0.1:" + target.port() + "\"]\n"
                + "remote_write:\n"
                + "  - url: " + vigil.resolve("/api/v1/write") + "\n"
                + "    queue_config:\n"
                + "      batch_send_deadline: 1s\n"
                + "      min_backoff: 100ms\n"
                + "      max_backoff: 1s\n";
    }

    static JsonNode query(TestKernel kernel, String promql) {
        String body = kernel.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
        return AlertingPluginIT.json(body).path("data").path("result");
    }

    /** Waits until the rule group has been evaluated {@code count} more times, as seen in the rules API. */
    static void awaitEvaluations(TestKernel kernel, int count) {
        Set<String> seen = new HashSet<>();
        Await.until(count + " more rule evaluations", WAIT, () -> {
            JsonNode group = AlertingPluginIT.json(kernel.get("/api/v1/rules").body()).path("data").path("groups").get(0);
            seen.add(group.path("lastEvaluation").asText());
            return seen.size();
        }, n -> n > count);
    }

    /** Skips the test when Prometheus is missing, or fails it on CI, where it is installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(PROMETHEUS);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(PROMETHEUS + " is missing on CI: install it with apt-get install -y prometheus");
        }
        assumeTrue(installed, PROMETHEUS + " is not installed; install it with `apt-get install -y prometheus` to run this test");
    }

    /** A scrape target on a free loopback port serving one gauge, {@code demo_queue_depth}, in the text format. */
    static final class GaugeTarget implements AutoCloseable {
        private final HttpServer server;
        private volatile double value;

        GaugeTarget() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/metrics", this::serve);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void set(double newValue) {
            value = newValue;
        }

        private void serve(HttpExchange exchange) throws IOException {
            byte[] body = ("# HELP demo_queue_depth Items waiting in the demo queue.\n"
                    + "# TYPE demo_queue_depth gauge\n"
                    + "demo_queue_depth " + value + "\n").getBytes(StandardCharsets.UTF_8);
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Prometheus as a child process with its own folder, port and log. */
    static final class Prometheus implements AutoCloseable {
        private final Process process;
        private final Path log;

        private Prometheus(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Prometheus start(Path folder, String config) throws IOException {
            Files.createDirectories(folder);
            Path configFile = Files.writeString(folder.resolve("prometheus.yml"), config);
            Path log = folder.resolve("prometheus.log");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(PROMETHEUS.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + Files.createDirectories(folder.resolve("data")),
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Prometheus prometheus = new Prometheus(process, log);
            URI ready = URI.create("http://127.0.0.1:" + port + "/-/ready");
            HttpClient http = HttpClient.newHttpClient();
            try {
                Await.until("Prometheus to be ready (log: " + log + ")", WAIT, () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Prometheus exited: " + prometheus.logText());
                    }
                    return status(http, ready);
                }, status -> status == 200);
            } catch (AssertionError | RuntimeException e) {
                prometheus.close();
                throw e;
            }
            return prometheus;
        }

        private static int status(HttpClient http, URI uri) {
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                // not listening yet
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String logText() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
