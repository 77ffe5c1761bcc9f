package dev.vigil.benchmarks.query;

import dev.vigil.benchmarks.VigilServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A server that takes remote write and answers Prometheus's query API, running as a child process of the
 * driver: Vigil with only the metrics plugin (in a JVM started with {@link VigilServer}) or Debian's
 * Prometheus with the remote write receiver. {@link #close()} stops it. Not thread-safe.
 */
final class QueryServer implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final URI base;
    private final @Nullable String bearerToken;
    private final Path log;

    private QueryServer(String name, Process process, URI base, @Nullable String bearerToken, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.bearerToken = bearerToken;
        this.log = log;
    }

    /**
     * Starts Vigil in a child JVM ({@code -Xmx2g}) with a plugins folder holding only {@code metricsJar} and
     * the self-scrape off, and waits until the metrics plugin is active.
     */
    static QueryServer vigil(Path folder, Path metricsJar) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.copy(metricsJar, plugins.resolve(metricsJar.getFileName()));
        Path config = Files.writeString(folder.resolve("vigil.yaml"), """
                kernel:
                  http:
                    bind: 127.0.0.1
                  otlp:
                    bind: 127.0.0.1
                metrics:
                  selfScrapeInterval: 0s
                """);
        Path ready = folder.resolve("ready");
        Path log = folder.resolve("vigil.log");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), VigilServer.class.getName(),
                config.toString(), plugins.toString(), folder.resolve("data").toString(), ready.toString(), token);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Vigil did not start; its log " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        String line = Files.readString(ready, StandardCharsets.UTF_8).trim();
        if (line.startsWith("failed")) {
            process.destroyForcibly();
            throw new IllegalStateException("the metrics plugin did not start: " + line + "\nlog " + log + ":\n" + Files.readString(log));
        }
        // the query routes may be public; the admin token is sent anyway, so that either way they answer
        return new QueryServer("Vigil", process, URI.create(line), token, log);
    }

    /** Starts Prometheus with the remote write receiver and no scrape targets, and waits until it is ready. */
    static QueryServer prometheus(Path folder) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: install it with `apt-get install -y prometheus`");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(folder.resolve("prometheus.yml"), "scrape_configs: []\n");
        Path data = Files.createDirectories(folder.resolve("data"));
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--web.enable-remote-write-receiver",
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--config.file=" + config)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        QueryServer server = new QueryServer("Prometheus", process, URI.create("http://127.0.0.1:" + port), null, log);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Prometheus did not become ready; its log " + log + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(server.get("/-/ready", Map.of()).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return server;
                }
            } catch (IOException notListeningYet) {
                // retried until the deadline; the log tells why if it never listens
            }
            Thread.sleep(50);
        }
    }

    /** The server's name in the report. */
    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** A GET request of {@code path} with the query parameters, in their order. */
    HttpRequest.Builder get(String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(query.isEmpty() ? path : path + "?" + query)).GET();
        return authorized(request);
    }

    /** A remote write request carrying {@code body}, a snappy-compressed {@code prometheus.WriteRequest}. */
    HttpRequest.Builder write(byte[] body) {
        return authorized(HttpRequest.newBuilder(base.resolve("/api/v1/write"))
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The parameters of an instant query at {@code timeMs}. */
    static Map<String, String> instant(String expression, long timeMs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", expression);
        parameters.put("time", seconds(timeMs));
        return parameters;
    }

    /** The parameters of a range query. */
    static Map<String, String> range(String expression, long startMs, long endMs, long stepMs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", expression);
        parameters.put("start", seconds(startMs));
        parameters.put("end", seconds(endMs));
        parameters.put("step", seconds(stepMs));
        return parameters;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : java.math.BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }

    /** Stops the process: politely, then by force after 30 s or if this thread is interrupted. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
