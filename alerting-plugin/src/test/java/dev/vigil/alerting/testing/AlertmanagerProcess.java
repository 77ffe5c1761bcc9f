package dev.vigil.alerting.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager} package, {@code /usr/bin/prometheus-alertmanager})
 * started as a child process for interoperability tests: one instance with clustering off, listening on a free
 * loopback port, routing every alert to one receiver that has no integrations, with its state in a folder the test
 * owns. When the package is not installed the test is skipped, except on CI ({@code CI=true}), where it must be there.
 * Not thread-safe; {@link #close} stops the process.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** Where Debian's package installs the server. */
    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    /** The receiver every alert is routed to; it sends nothing anywhere. */
    public static final String RECEIVER = "vigil-test";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AlertmanagerProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * Skips the test when Alertmanager is missing, or fails it on CI ({@code CI=true}), where {@code .ci/run}
     * installs the package.
     */
    public static void requireInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(BINARY + " is missing on CI: install it with apt-get install -y prometheus-alertmanager");
        }
        assumeTrue(installed, BINARY + " is not installed; install it with `apt-get install -y prometheus-alertmanager` "
                + "(Debian/Ubuntu) to run this test");
    }

    /**
     * Starts Alertmanager with its config, data and log in {@code folder} and waits until it is ready.
     *
     * @throws IOException if the files cannot be written or the process cannot be started
     * @throws AssertionError if it exits or is not ready within a minute; the message holds its log
     */
    public static AlertmanagerProcess start(Path folder) throws IOException {
        Path config = Files.writeString(folder.resolve("alertmanager.yml"), """
                route:
                  receiver: %s
                receivers:
                  - name: %s
                """.formatted(RECEIVER, RECEIVER));
        Path log = folder.resolve("alertmanager.log");
        int port = freePort();
        List<String> command = List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(folder.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port,
                // an empty address turns clustering off: no gossip port, and ready without waiting for peers
                "--cluster.listen-address=");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            // -1 stands for "exited", so that a crash ends the wait at once instead of at the timeout
            int status = Await.until("Alertmanager to be ready (log: " + log + ")", START_TIMEOUT,
                    () -> process.isAlive() ? alertmanager.get("/-/ready").statusCode() : -1, s -> s == 200 || s == -1);
            if (status == -1) {
                throw new AssertionError("Alertmanager exited with status " + process.exitValue() + ": " + alertmanager.logText());
            }
        } catch (AssertionError | RuntimeException e) {
            alertmanager.close();
            throw e;
        }
        return alertmanager;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Its base URL, for a channel's {@code urls}. */
    public URI uri() {
        return uri;
    }

    /** Sends {@code GET pathAndQuery}, such as {@code /api/v2/alerts?active=true}. */
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

    /** {@code GET pathAndQuery}, checked to answer 200, read as JSON. */
    public JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " did not answer JSON: " + response.body(), e);
        }
    }

    /** The version it reports in {@code GET /api/v2/status}, such as {@code 0.25.0}. */
    public String version() {
        return getJson("/api/v2/status").path("versionInfo").path("version").asText();
    }

    /** What it has logged so far. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "cannot read " + log + ": " + e;
        }
    }

    /** Stops the process: politely first, forcibly if it has not ended within ten seconds. */
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
