package dev.vigil.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's package, {@code /usr/bin/prometheus}) as a child process: the reference
 * implementation of the query API that {@code vigil query} speaks. When it is not installed the test is skipped,
 * except on CI ({@code CI=true}), where it must be there.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;

    private PrometheusServer(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts Prometheus with an empty scrape configuration in {@code folder} and waits until it is ready. */
    static PrometheusServer start(Path folder) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(BINARY + " is missing on CI: install it with apt-get install -y prometheus");
        }
        assumeTrue(installed, BINARY + " is not installed; install it with `apt-get install -y prometheus` to run this test");
        int port = freePort();
        Path config = Files.writeString(folder.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(folder.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited: " + Files.readString(folder.resolve("prometheus.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(server.uri.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Prometheus was not ready within " + READY_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /** Its base URL, such as {@code http://127.0.0.1:41234}. */
    URI uri() {
        return uri;
    }

    /** Its port. */
    int port() {
        return uri.getPort();
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
