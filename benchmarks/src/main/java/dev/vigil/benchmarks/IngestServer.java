package dev.vigil.benchmarks;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server that receives remote write, running as a child process of the driver: Vigil with only the
 * metrics plugin ({@link VigilServer}) or Debian's Prometheus. {@link #close()} stops it.
 */
final class IngestServer implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int DEFAULT_MAX_SERIES_PER_METRIC = 100_000;
    /** A file name: when set, each Vigil child records a flight recording (profile settings) next to it. */
    private static final String JFR_PROPERTY = "vigil.bench.jfr";
    /** When true, the Vigil child's class histogram of live objects is printed after the load. */
    private static final String HISTOGRAM_PROPERTY = "vigil.bench.histogram";
    private static final int HISTOGRAM_LINES = 30;
    private static final AtomicInteger RECORDINGS = new AtomicInteger();
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final String name;
    private final Process process;
    private final URI writeUri;
    private final Path storage;
    private final String storageNote;
    private final Path log;

    private IngestServer(String name, Process process, URI writeUri, Path storage, String storageNote, Path log) {
        this.name = name;
        this.process = process;
        this.writeUri = writeUri;
        this.storage = storage;
        this.storageNote = storageNote;
        this.log = log;
    }

    /**
     * Starts Vigil in a child JVM ({@code -Xmx2g}) with a plugins folder holding only {@code metricsJar}, the
     * self-scrape off, and waits until the metrics plugin is active.
     *
     * @param series how many series the load has; the store's per-metric limit is raised to it if needed
     */
    static IngestServer vigil(Path folder, Path metricsJar, int series) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.copy(metricsJar, plugins.resolve(metricsJar.getFileName()));
        Path data = folder.resolve("data");
        // every load series has the same metric name; Prometheus has no such limit
        Path config = Files.writeString(folder.resolve("vigil.yaml"), """
                kernel:
                  http:
                    bind: 127.0.0.1
                  otlp:
                    bind: 127.0.0.1
                metrics:
                  selfScrapeInterval: 0s
                  storage:
                    maxSeriesPerMetric: %d
                """.formatted(Math.max(series, DEFAULT_MAX_SERIES_PER_METRIC)));
        Path ready = folder.resolve("ready");
        Path log = folder.resolve("vigil.log");
        // the write route is public; a token given here only keeps the kernel from generating one
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        String jfr = System.getProperty(JFR_PROPERTY);
        if (jfr != null && !jfr.isBlank()) {
            Path recording = numbered(Path.of(jfr).toAbsolutePath(), RECORDINGS.incrementAndGet());
            Files.createDirectories(recording.getParent());
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
            System.out.println("Vigil flight recording: " + recording);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VigilServer.class.getName(),
                config.toString(), plugins.toString(), data.toString(), ready.toString(), token));
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
        URI base = URI.create(line);
        return new IngestServer("Vigil", process, base.resolve("/api/v1/write"), data.resolve("plugins/metrics/tsdb"),
                "the embedded store's folder <dataDir>/plugins/metrics/tsdb: write-ahead log (wal/), series log, metadata and any blocks (blocks/)",
                log);
    }

    /** Starts Prometheus with the remote write receiver and no scrape targets, and waits until it is ready. */
    static IngestServer prometheus(Path folder) throws IOException, InterruptedException {
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Prometheus did not become ready; its log " + log + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    break;
                }
            } catch (IOException notListeningYet) {
                // retried until the deadline; the log tells why if it never listens
            }
            Thread.sleep(50);
        }
        return new IngestServer("Prometheus", process, base.resolve("/api/v1/write"), data,
                "write-ahead log (wal/), head chunks (chunks_head/) and any compacted blocks (<storage.tsdb.path>)",
                log);
    }

    /** {@code x.jfr} becomes {@code x-<n>.jfr}, so that each server of a run keeps its own recording. */
    private static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(numbered);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    URI writeUri() {
        return writeUri;
    }

    /** The folder its samples are stored in. */
    Path storage() {
        return storage;
    }

    /** What {@link #storage()} holds, for the report. */
    String storageNote() {
        return storageNote;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Resident memory of the server process, in KiB; -1 if /proc does not tell. */
    long rssKb() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(status);
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * The Java heap in use right after a full collection, in KiB, asked through {@code jcmd} (which forces that
     * collection); -1 for Prometheus or when jcmd does not tell. Call it only after the other measurements.
     */
    long heapAfterGcKb() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!name.equals("Vigil") || !Files.isExecutable(jcmd)) {
            return -1;
        }
        String pid = Long.toString(process.pid());
        jcmd(jcmd, pid, "GC.run");
        if (Boolean.getBoolean(HISTOGRAM_PROPERTY)) {
            System.out.println("Vigil live objects after the load (" + HISTOGRAM_PROPERTY + "):");
            jcmd(jcmd, pid, "GC.class_histogram").lines().limit(HISTOGRAM_LINES).forEach(System.out::println);
        }
        Matcher used = HEAP_USED.matcher(jcmd(jcmd, pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static String jcmd(Path jcmd, String pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
