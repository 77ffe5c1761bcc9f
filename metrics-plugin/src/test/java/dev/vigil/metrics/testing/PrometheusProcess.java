package dev.vigil.metrics.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's package, {@code /usr/bin/prometheus}) started as a child process for
 * interoperability tests. When it is not installed the test is skipped, except on CI ({@code CI=true}),
 * where it must be there.
 */
public final class PrometheusProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** Skips the test when Prometheus is missing, or fails it on CI. */
    public static void requireInstalled() {
        requireInstalled(BINARY);
    }

    /**
     * Skips the test when {@code binary} (from Debian's {@code prometheus} package) is missing, or fails it on
     * CI ({@code CI=true}), where {@code .ci/run} installs the package.
     */
    public static void requireInstalled(Path binary) {
        boolean installed = Files.isExecutable(binary);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(binary + " is missing on CI: install it with apt-get install -y prometheus");
        }
        assumeTrue(installed, binary + " is not installed; install it with `apt-get install -y prometheus` "
                + "(Debian/Ubuntu) to run this test");
    }

    /**
     * Starts Prometheus with {@code config} (YAML) in {@code folder} and waits until it is ready.
     *
     * @param port the port it listens on, from {@link #freePort()}, so the config can refer to it
     */
    public static PrometheusProcess start(Path folder, int port, String config, boolean remoteWriteReceiver) throws IOException {
        Path configFile = Files.writeString(folder.resolve("prometheus.yml"), config);
        Path log = folder.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + Files.createDirectories(folder.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port));
        if (remoteWriteReceiver) {
            command.add("--web.enable-remote-write-receiver");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            Await.until("Prometheus to be ready (log: " + log + ")", Duration.ofSeconds(60), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus exited: " + prometheus.logText());
                }
                return prometheus.get("/-/ready").statusCode();
            }, status -> status == 200);
        } catch (AssertionError | RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI uri() {
        return uri;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(uri.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "cannot read " + log + ": " + e;
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
