package dev.vigil.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server that receives remote write in the ingest benchmark: a {@link ServerProcess} with where it stores
 * samples, and the ingest driver's options for the Vigil child (a flight recording, a class histogram).
 */
final class IngestServer {

    private static final int DEFAULT_MAX_SERIES_PER_METRIC = 100_000;
    /** A file name: when set, each Vigil child records a flight recording (profile settings) next to it. */
    private static final String JFR_PROPERTY = "vigil.bench.jfr";
    /** When true, the Vigil child's class histogram of live objects is printed after the load. */
    private static final String HISTOGRAM_PROPERTY = "vigil.bench.histogram";
    private static final int HISTOGRAM_LINES = 30;
    private static final AtomicInteger RECORDINGS = new AtomicInteger();
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final ServerProcess process;
    private final Path storage;
    private final String storageNote;

    private IngestServer(ServerProcess process, Path storage, String storageNote) {
        this.process = process;
        this.storage = storage;
        this.storageNote = storageNote;
    }

    /**
     * Starts Vigil (see {@link ServerProcess#vigil}), with a flight recording when {@value #JFR_PROPERTY} is set.
     *
     * @param series how many series the load has; the store's per-metric limit is raised to it if needed
     */
    static IngestServer vigil(Path folder, Path metricsJar, int series) throws IOException, InterruptedException {
        // every load series has the same metric name; Prometheus has no such limit
        String storageSettings = """
                  storage:
                    maxSeriesPerMetric: %d
                """.formatted(Math.max(series, DEFAULT_MAX_SERIES_PER_METRIC));
        List<String> jvmOptions = new ArrayList<>();
        String jfr = System.getProperty(JFR_PROPERTY);
        if (jfr != null && !jfr.isBlank()) {
            Path recording = numbered(Path.of(jfr).toAbsolutePath(), RECORDINGS.incrementAndGet());
            Files.createDirectories(recording.getParent());
            jvmOptions.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
            System.out.println("Vigil flight recording: " + recording);
        }
        ServerProcess process = ServerProcess.vigil(folder, metricsJar, storageSettings, jvmOptions);
        return new IngestServer(process, process.data().resolve("plugins/metrics/tsdb"),
                "the embedded store's folder <dataDir>/plugins/metrics/tsdb: write-ahead log (wal/), series log, metadata and any blocks (blocks/)");
    }

    /** Starts Prometheus (see {@link ServerProcess#prometheus}). */
    static IngestServer prometheus(Path folder) throws IOException, InterruptedException {
        ServerProcess process = ServerProcess.prometheus(folder);
        return new IngestServer(process, process.data(),
                "write-ahead log (wal/), head chunks (chunks_head/) and any compacted blocks (<storage.tsdb.path>)");
    }

    /** {@code x.jfr} becomes {@code x-<n>.jfr}, so that each server of a run keeps its own recording. */
    private static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(numbered);
    }

    /** The process, for starting and stopping. */
    ServerProcess process() {
        return process;
    }

    String name() {
        return process.name();
    }

    /** The folder its samples are stored in. */
    Path storage() {
        return storage;
    }

    /** What {@link #storage()} holds, for the report. */
    String storageNote() {
        return storageNote;
    }

    /** Resident memory of the server process, in KiB; -1 if /proc does not tell. */
    long rssKb() throws IOException {
        return process.rssKb();
    }

    /**
     * The Java heap in use right after a full collection, in KiB, asked through {@code jcmd} (which forces that
     * collection); -1 for Prometheus or when jcmd does not tell. Call it only after the other measurements.
     */
    long heapAfterGcKb() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!process.name().equals("Vigil") || !Files.isExecutable(jcmd)) {
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
}
