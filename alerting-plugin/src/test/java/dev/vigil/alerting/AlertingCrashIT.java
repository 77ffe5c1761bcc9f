package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification waiting for a channel that is down survives the platform being killed with SIGKILL: after a
 * restart on the same data folder it is delivered once the channel is back, and only once.
 */
class AlertingCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RULES = """
            groups:
              - name: crash
                interval: 1s
                rules:
                  - alert: AlwaysOn
                    expr: vector(1) > 0
                    for: 0s
                    labels:
                      severity: page
            """;

    @TempDir
    Path dir;

    @Test
    void aNotificationPendingAtAKillIsDeliveredExactlyOnceAfterTheRestart() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(AlertingPluginIT.METRICS_JAR, plugins.resolve("metrics.jar"));
        Files.copy(AlertingPluginIT.ALERTING_JAR, plugins.resolve("alerting.jar"));
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        Path data = dir.resolve("data");
        try (Endpoint webhook = new Endpoint()) {
            Path config = Files.writeString(dir.resolve("vigil.yaml"), "alerting:\n"
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
                    + "          url: " + webhook.url("/hook") + "\n"
                    + "  outbox:\n"
                    + "    minBackoff: 200ms\n"
                    + "    maxBackoff: 1s\n"
                    + "metrics:\n"
                    + "  selfScrapeInterval: 0s\n");

            String pending;
            Process first = start(config, plugins, data, "first");
            try {
                URI api = ready(first);
                // the channel is down: the notification waits in the outbox, its attempts failing and retried
                JsonNode waiting = Await.until("a firing notification waiting after failed attempts", WAIT, () -> waiting(api),
                        w -> StreamSupport.stream(w.spliterator(), false).anyMatch(
                                n -> n.path("status").asText().equals("firing") && n.path("attempts").asInt() >= 2));
                pending = StreamSupport.stream(waiting.spliterator(), false)
                        .filter(n -> n.path("status").asText().equals("firing")).findFirst().orElseThrow()
                        .path("notification").asText();
                assertThat(webhook.refused.get()).isGreaterThanOrEqualTo(2);
                first.destroyForcibly();
                assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }

            webhook.up.set(true);
            Process second = start(config, plugins, data, "second");
            try {
                URI api = ready(second);
                Await.until("a firing notification after the restart", WAIT, webhook::firing, f -> !f.isEmpty());
                // a few more evaluations and group intervals, and the outbox empty: time enough for any duplicate
                long since = evaluations(api);
                Await.until("five more evaluations of the rule", WAIT, () -> evaluations(api), n -> n >= since + 5);
                Await.until("an empty outbox", WAIT, () -> waiting(api).size(), n -> n == 0);

                List<Received> firing = webhook.firing();
                assertThat(firing).as("firing notifications for the group").hasSize(1);
                Received delivered = firing.get(0);
                assertThat(delivered.body().path("groupLabels").path("alertname").asText()).isEqualTo("AlwaysOn");
                // the notification that waited when the platform was killed, not a new one made after the restart
                assertThat(delivered.idempotencyKey()).isEqualTo(pending);
                assertThat(webhook.delivered().stream().filter(r -> r.idempotencyKey().equals(delivered.idempotencyKey())))
                        .hasSize(1);
            } finally {
                second.destroyForcibly();
                second.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private Process start(Path config, Path plugins, Path data, String name) throws IOException {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), AlertingCrashServer.class.getName(),
                config.toString(), plugins.toString(), data.toString())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** Waits for the server's ready line and returns its API address; the output stream is left open. */
    private static URI ready(Process server) {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = Await.until("the server to start", WAIT, () -> readLine(out), l -> l.startsWith("ready "));
        return URI.create(line.split(" ")[1]);
    }

    private static String readLine(BufferedReader out) {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the server exited before it was ready");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode waiting(URI api) {
        return get(api, "/api/v1/alerting/outbox").path("data").path("waiting");
    }

    /** The second of the rule group's last evaluation, which moves on by one at each evaluation (every 1s). */
    private static long evaluations(URI api) {
        JsonNode group = get(api, "/api/v1/rules").path("data").path("groups").get(0);
        String last = group == null ? "" : group.path("lastEvaluation").asText();
        return last.isEmpty() ? 0 : Instant.parse(last).getEpochSecond();
    }

    private static JsonNode get(URI api, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request the endpoint answered 200: its {@code Idempotency-Key} and its body. */
    record Received(String idempotencyKey, JsonNode body) {}

    /**
     * A webhook endpoint that answers 503 until {@link #up} is set, then records every request, duplicates included,
     * and answers 200.
     */
    private static final class Endpoint implements AutoCloseable {

        final AtomicBoolean up = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();
        private final List<Received> delivered = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Endpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Received> delivered() {
            return List.copyOf(delivered);
        }

        /** The delivered notifications of the group with status firing. */
        List<Received> firing() {
            return delivered.stream().filter(r -> r.body().path("status").asText().equals("firing")).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (!up.get()) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String key = exchange.getRequestHeaders().getOrDefault("Idempotency-Key", List.of("")).get(0);
                delivered.add(new Received(key, JSON.readTree(body)));
                exchange.sendResponseHeaders(200, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
