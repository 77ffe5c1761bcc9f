package dev.vigil.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logging, metrics and alerting plugins from their JARs in one kernel: errors sent over OTLP become a log-based
 * metric that an alerting rule fires on, and a new exception becomes an {@code ErrorIssue} alert; both reach a
 * webhook.
 */
class LoggingAlertsIT {

    static final Path METRICS_JAR = Path.of(System.getProperty("vigil.metrics.jar", "target/plugin-jars/vigil-metrics-plugin.jar"));
    static final Path ALERTING_JAR = Path.of(System.getProperty("vigil.alerting.jar", "target/plugin-jars/vigil-alerting-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Alertmanager-style webhook bodies, as a local server receives them. */
    static final class Webhook implements AutoCloseable {
        final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Webhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                bodies.add(JSON.readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> alerts() {
            return bodies.stream().flatMap(b -> java.util.stream.StreamSupport.stream(b.path("alerts").spliterator(), false)).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String otlp(String service, String body, String exceptionType) {
        String attributes = exceptionType.isEmpty() ? "" : ",\"attributes\":[{\"key\":\"exception.type\",\"value\":{\"stringValue\":\""
                + exceptionType + "\"}},{\"key\":\"exception.message\",\"value\":{\"stringValue\":\"no stock for item 17\"}},"
                + "{\"key\":\"exception.stacktrace\",\"value\":{\"stringValue\":\"" + exceptionType + ": no stock for item 17\\n"
                + "\\tat com.example.shop.Stock.take(Stock.java:40)\\n\\tat com.example.shop.Orders.place(Orders.java:12)\\n\"}}]";
        return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"" + service
                + "\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"severityNumber\":17,\"body\":{\"stringValue\":\"" + body + "\"}" + attributes
                + "}]}]}]}";
    }

    @Test
    void errorsInLogsFireAnAlertRuleAndANewExceptionRaisesAnErrorIssue(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: logs
                    interval: 1s
                    rules:
                      - alert: ManyErrors
                        expr: increase(log_errors_total[5m]) > 10
                        labels: {severity: page}
                """);
        try (Webhook webhook = new Webhook();
                TestKernel kernel = TestKernel.builder().systemClock()
                        .pluginJar(METRICS_JAR).pluginJar(ALERTING_JAR).pluginJar(LoggingPluginIT.JAR)
                        .config("metrics:\n  selfScrapeInterval: 0s\n"
                                + "alerting:\n"
                                + "  ruleFiles: [\"" + rules + "\"]\n"
                                + "  route:\n    receiver: ops\n    group_by: [alertname]\n    group_wait: 0s\n    group_interval: 1s\n"
                                + "  receivers:\n    - name: ops\n      channels:\n        - type: webhook\n          url: " + webhook.url() + "\n"
                                + "logging:\n"
                                + "  metricsInterval: 1s\n"
                                + "  metrics:\n    - name: log_errors_total\n      severities: [error]\n      labels: [service]\n")
                        .start()) {
            for (String plugin : new String[] {"metrics", "alerting", "logging"}) {
                kernel.awaitState(plugin, PluginState.ACTIVE, WAIT);
            }

            for (int i = 0; i < 12; i++) {
                assertThat(post(kernel, otlp("checkout", "payment " + i + " failed", "")).statusCode()).isEqualTo(200);
            }
            JsonNode manyErrors = Await.until("ManyErrors at the webhook", WAIT, webhook::alerts,
                    alerts -> alerts.stream().anyMatch(a -> a.path("labels").path("alertname").asText().equals("ManyErrors")))
                    .stream().filter(a -> a.path("labels").path("alertname").asText().equals("ManyErrors")).findFirst().orElseThrow();
            assertThat(manyErrors.path("labels").path("service").asText()).isEqualTo("checkout");
            assertThat(manyErrors.path("status").asText()).isEqualTo("firing");

            assertThat(post(kernel, otlp("shop", "order failed", "java.lang.IllegalStateException")).statusCode()).isEqualTo(200);
            JsonNode issue = Await.until("ErrorIssue at the webhook", WAIT, webhook::alerts,
                    alerts -> alerts.stream().anyMatch(a -> a.path("labels").path("alertname").asText().equals("ErrorIssue")))
                    .stream().filter(a -> a.path("labels").path("alertname").asText().equals("ErrorIssue")).findFirst().orElseThrow();
            assertThat(issue.path("labels").path("event").asText()).isEqualTo("new");
            assertThat(issue.path("labels").path("service").asText()).isEqualTo("shop");
            assertThat(issue.path("labels").path("exception").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(issue.path("annotations").path("culprit").asText()).isEqualTo("com.example.shop.Stock.take");

            JsonNode issues = JSON.readTree(kernel.get("/api/v1/errors").body()).path("data").path("issues");
            assertThat(issues).singleElement().satisfies(i -> assertThat(i.path("id").asText()).isEqualTo(issue.path("labels").path("issue").asText()));
        }
    }

    private static HttpResponse<String> post(TestKernel kernel, String json) {
        return kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/logs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
