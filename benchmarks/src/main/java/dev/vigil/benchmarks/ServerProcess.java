package dev.vigil.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A server that a benchmark driver compares, running as its child process on a loopback port: Vigil with one
 * plugin (a JVM running {@link VigilServer}), Debian's Prometheus with the remote write receiver, or a Zipkin
 * server with in-memory storage. Vigil with the metrics plugin and Prometheus take remote write at
 * {@code /api/v1/write} and answer Prometheus's query API, with no token. The factories return once the server
 * is ready; {@link #close()} stops it. Thread-safe.
 */
public final class ServerProcess implements AutoCloseable {

    /** Where Debian's {@code prometheus} package installs the server. */
    public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_TAIL_LINES = 30;

    private final String name;
    private final Process process;
    private final URI base;
    private final @Nullable URI otlp;
    private final Path data;
    private final Path log;

    private ServerProcess(String name, Process process, URI base, @Nullable URI otlp, Path data, Path log) {
        this.name = requireNonNull(name, "name is null");
        this.process = requireNonNull(process, "process is null");
        this.base = requireNonNull(base, "base is null");
        this.otlp = otlp;
        this.data = requireNonNull(data, "data is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * Starts Vigil in a child JVM ({@code -Xmx2g}) in {@code folder}, with a plugins folder holding only
     * {@code metricsJar} and the self-scrape off, and waits until the metrics plugin is active.
     *
     * @param metricsSettings more lines of the configuration's {@code metrics:} section, each indented by two
     *     spaces and ending in a line break; empty for none
     * @param jvmOptions more options of the child JVM, such as a flight recording
     */
    public static ServerProcess vigil(Path folder, Path metricsJar, String metricsSettings, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return vigil(folder, metricsJar, "metrics", """
                metrics:
                  selfScrapeInterval: 0s
                """ + metricsSettings, jvmOptions);
    }

    /**
     * Starts Vigil in a child JVM ({@code -Xmx2g}) in {@code folder}, with a plugins folder holding only
     * {@code pluginJar}, and waits until the plugin {@code pluginId} is active. Both listeners bind to loopback
     * on free ports.
     *
     * @param pluginSettings the configuration's sections after {@code kernel}, such as {@code tracing:} and its
     *     lines, ending in a line break; empty for none
     * @param jvmOptions more options of the child JVM, such as a flight recording
     */
    public static ServerProcess vigil(Path folder, Path pluginJar, String pluginId, String pluginSettings, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        Path data = folder.resolve("data");
        Path config = Files.writeString(folder.resolve("vigil.yaml"), """
                kernel:
                  http:
                    bind: 127.0.0.1
                  otlp:
                    bind: 127.0.0.1
                """ + pluginSettings);
        Path ready = folder.resolve("ready");
        Path log = folder.resolve("vigil.log");
        // the routes the drivers use are public; a token given here only keeps the kernel from generating one
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx2g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VigilServer.class.getName(),
                config.toString(), plugins.toString(), data.toString(), ready.toString(), token, pluginId));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Vigil did not start; its log " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        List<String> lines = Files.readString(ready, StandardCharsets.UTF_8).strip().lines().toList();
        if (lines.get(0).startsWith("failed")) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + pluginId + " plugin did not start: " + String.join("\n", lines) + "\nlog " + log
                    + ":\n" + Files.readString(log));
        }
        return new ServerProcess("Vigil", process, URI.create(lines.get(0)), lines.size() > 1 ? URI.create(lines.get(1)) : null, data, log);
    }

    /**
     * Starts Prometheus in {@code folder} with the remote write receiver and no scrape targets, and waits until
     * it is ready.
     */
    public static ServerProcess prometheus(Path folder) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: install it with `apt-get install -y prometheus`");
        }
        int port = freePort();
        Path config = Files.writeString(folder.resolve("prometheus.yml"), "scrape_configs: []\n");
        Path data = Files.createDirectories(folder.resolve("data"));
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--web.enable-remote-write-receiver",
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--config.file=" + config)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitReady("Prometheus", process, base.resolve("/-/ready"), log);
        return new ServerProcess("Prometheus", process, base, null, data, log);
    }

    /**
     * Starts a Zipkin server from its executable JAR in a child JVM ({@code -Xmx2g}, as Vigil) in {@code folder},
     * with in-memory storage holding up to {@code maxSpans} spans (Zipkin drops the oldest traces beyond that) and
     * without tracing itself, and waits until {@code /health} answers. Spans are posted to {@code /api/v2/spans}.
     */
    public static ServerProcess zipkin(Path folder, Path jar, int maxSpans) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the benchmarks module first");
        }
        int port = freePort();
        Path log = folder.resolve("zipkin.log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx2g", "-jar", jar.toString(), "--server.address=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUERY_PORT", Integer.toString(port));
        builder.environment().put("STORAGE_TYPE", "mem");
        builder.environment().put("MEM_MAX_SPANS", Integer.toString(maxSpans));
        builder.environment().put("SELF_TRACING_ENABLED", "false");
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitReady("Zipkin", process, base.resolve("/health"), log);
        return new ServerProcess("Zipkin", process, base, null, folder, log);
    }

    /** Polls {@code probe} until it answers 200; stops the process and fails if it exits or takes too long. */
    private static void awaitReady(String name, Process process, URI probe, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not become ready; its log " + log + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // retried until the deadline; the log tells why if it never listens
            }
            Thread.sleep(50);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The first line {@code prometheus --version} prints, or why there is none. */
    public static String prometheusVersion() {
        try {
            Process p = new ProcessBuilder(PROMETHEUS.toString(), "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            p.waitFor();
            return first;
        } catch (IOException e) {
            return "prometheus --version failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "prometheus --version interrupted";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's name in reports: {@code Vigil}, {@code Prometheus} or {@code Zipkin}. */
    public String name() {
        return name;
    }

    /** The base URI of its HTTP API, such as {@code http://127.0.0.1:9090}. */
    public URI base() {
        return base;
    }

    /**
     * The base URI of Vigil's OTLP/HTTP listener, such as {@code http://127.0.0.1:4318}; empty for the other servers.
     */
    public Optional<URI> otlpBase() {
        return Optional.ofNullable(otlp);
    }

    /**
     * Its data folder: Vigil's {@code dataDir}, Prometheus's {@code --storage.tsdb.path}; for Zipkin, which keeps
     * spans in memory, the folder it runs in.
     */
    public Path data() {
        return data;
    }

    /** A remote write request carrying {@code body}, a snappy-compressed {@code prometheus.WriteRequest}. */
    public HttpRequest.Builder remoteWrite(byte[] body) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/write"))
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Resident memory of the server process, in KiB; -1 if /proc does not tell. */
    public long rssKb() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * The last lines of the server's log, for an error message: the log itself goes with the working folder.
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "last lines of " + log.getFileName() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
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
