package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Zipkin server for tests: the {@code io.zipkin:zipkin-server:<version>:exec} executable JAR, which the build
 * copies into {@code target/} and names in the system property {@value #JAR_PROPERTY}, started with {@code java -jar}
 * on a free port with in-memory storage, ready once {@code GET /health} answers 200, and stopped by {@link #close()}.
 * Its output goes to a temporary log file, quoted when it fails to start and deleted when it is stopped.
 */
public final class ZipkinServerProcess implements AutoCloseable {

    /** The system property holding the path of the zipkin-server executable JAR. */
    static final String JAR_PROPERTY = "vigil.zipkin.server.jar";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private ZipkinServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JAR named by {@value #JAR_PROPERTY}, if the property is set. */
    public static Optional<Path> jar() {
        String path = System.getProperty(JAR_PROPERTY, "");
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /**
     * Starts the server in {@code jar} and waits until it is healthy.
     *
     * @throws IllegalStateException if the JAR is missing, or the server exits or is not healthy within two minutes;
     *     the message quotes the end of its log
     */
    public static ZipkinServerProcess start(Path jar) throws IOException, InterruptedException {
        requireNonNull(jar, "jar is null");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no zipkin-server JAR at " + jar + " (" + JAR_PROPERTY + ")");
        }
        int port = freePort();
        Path log = Files.createTempFile("zipkin-server-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--server.port=" + port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUERY_PORT", Integer.toString(port));
        builder.environment().put("STORAGE_TYPE", "mem");
        builder.environment().put("SELF_TRACING_ENABLED", "false");
        ZipkinServerProcess server = new ZipkinServerProcess(builder.start(), port, log);
        try {
            server.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server's base address, such as {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where spans are posted: {@code /api/v2/spans}. */
    public URI spansEndpoint() {
        return baseUri().resolve("/api/v2/spans");
    }

    /** The server's output so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("zipkin-server exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens only once the server has started
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("zipkin-server was not healthy within " + START_TIMEOUT.toSeconds() + "s:\n" + tail());
    }

    private String tail() {
        String text = log();
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** Stops the server (politely, then forcibly after 15 seconds) and deletes its log. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + log, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
