package dev.vigil.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prometheus remote write ingest into Vigil's metrics plugin, against Prometheus 2.42 receiving the same
 * bytes on the same machine. Both servers run side by side as child processes; the load goes to one at a
 * time, Vigil first, then Prometheus, then (if the time budget allows) both again on fresh servers in the
 * opposite order. For each it prints samples/s, p50/p99 request latency, non-2xx responses, bytes on disk
 * per sample and resident memory with every series active, beside the ratio Vigil/Prometheus.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.RemoteWriteIngestDriver
 * [seconds] [series] [rounds] [clients]}, defaults 600 s, 100,000 series, 20 rounds, 4 client threads per
 * server. {@code seconds} is the time budget that decides whether the second pass runs. With
 * {@code -Dvigil.bench.jfr=<file>}, each Vigil child records a flight recording with the profile settings,
 * numbered per server ({@code <file>-1.jfr}, ...), written when it stops; with {@code -Dvigil.bench.histogram=true}
 * it prints the Vigil child's class histogram of live objects after each load.
 */
public final class RemoteWriteIngestDriver {

    private static final int SERIES_PER_REQUEST = 2_000;
    private static final long ROUND_MS = 15_000;
    private static final long SETTLE_MS = 2_000;

    private RemoteWriteIngestDriver() {}

    public static void main(String[] args) throws Exception {
        long budgetSeconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        long began = System.nanoTime();
        Path metricsJar = BenchmarkEnvironment.metricsJar();
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.create("ingest")) {
            long startMs = (System.currentTimeMillis() / 1000 * 1000) - rounds * ROUND_MS;
            long t0 = System.nanoTime();
            RemoteWriteRounds payload = RemoteWriteRounds.build(series, rounds, SERIES_PER_REQUEST, startMs);
            System.out.printf(Locale.ROOT, "%,d series x %d rounds = %,d samples; %d requests of <= %,d series per round; %d client threads per server;"
                    + " %s of snappy bodies built in %.1f s%n", series, rounds, (long) series * rounds, payload.rounds().get(0).size(),
                    SERIES_PER_REQUEST, clients, Folders.human(payload.bytes()), (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "java %s, %d cores; Vigil in a child JVM with -Xmx2g; %s%n%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), ServerProcess.prometheusVersion());

            IngestLoad load = new IngestLoad(clients);
            long passBegan = System.nanoTime();
            runPass(1, true, environment, metricsJar, payload, series, load);
            long passNanos = System.nanoTime() - passBegan;
            long left = budgetSeconds * 1_000_000_000L - (System.nanoTime() - began);
            if (left > passNanos) {
                runPass(2, false, environment, metricsJar, payload, series, load);
            } else {
                System.out.printf(Locale.ROOT, "second pass (opposite order) skipped: it would take about %.0f s, %.0f s of the budget left%n",
                        passNanos / 1e9, Math.max(0, left) / 1e9);
            }
        }
    }

    private static void runPass(int pass, boolean vigilFirst, BenchmarkEnvironment environment, Path metricsJar,
            RemoteWriteRounds payload, int series, IngestLoad load) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(environment.work().resolve("pass-" + pass));
        IngestServer vigil = IngestServer.vigil(Files.createDirectories(folder.resolve("vigil")), metricsJar, series);
        environment.add(vigil.process());
        IngestServer prometheus = IngestServer.prometheus(Files.createDirectories(folder.resolve("prometheus")));
        environment.add(prometheus.process());
        long vigilIdle = vigil.rssKb();
        long prometheusIdle = prometheus.rssKb();
        Measured v;
        Measured p;
        if (vigilFirst) {
            v = measure(vigil, vigilIdle, load, payload, series);
            p = measure(prometheus, prometheusIdle, load, payload, series);
        } else {
            p = measure(prometheus, prometheusIdle, load, payload, series);
            v = measure(vigil, vigilIdle, load, payload, series);
        }
        environment.stop(vigil.process());
        environment.stop(prometheus.process());
        new IngestTable(series, v, p).print("pass " + pass + " (" + (vigilFirst ? "Vigil first" : "Prometheus first") + ")", System.out);
    }

    private static Measured measure(IngestServer server, long idleRssKb, IngestLoad load, RemoteWriteRounds payload, int series)
            throws IOException, InterruptedException {
        IngestLoad.Result result = load.run(server, payload, series);
        // lets each server finish what it does just after a write, the same for both
        Thread.sleep(SETTLE_MS);
        long rssKb = server.rssKb();
        return new Measured(server.name(), result, Folders.size(server.storage()), Folders.breakdown(server.storage()),
                server.storageNote(), idleRssKb, rssKb, server.heapAfterGcKb());
    }

    /**
     * One server's figures after a run.
     *
     * @param name the server
     * @param result the load's figures
     * @param storageBytes the size of its data folder after the run
     * @param storageBreakdown what that folder holds, entry by entry
     * @param storageNote what the data folder is
     * @param idleRssKb resident memory before the load, in KiB
     * @param rssKb resident memory after the load with every series active, in KiB
     * @param heapAfterGcKb the Java heap in use after a full collection following the load, in KiB; -1 if not known
     */
    record Measured(String name, IngestLoad.Result result, long storageBytes, String storageBreakdown, String storageNote, long idleRssKb,
            long rssKb, long heapAfterGcKb) {

        Measured {
            requireNonNull(name, "name is null");
            requireNonNull(result, "result is null");
            requireNonNull(storageBreakdown, "storageBreakdown is null");
            requireNonNull(storageNote, "storageNote is null");
        }
    }
}
