package dev.vigil.benchmarks.traces;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.benchmarks.BenchmarkEnvironment;
import dev.vigil.benchmarks.Folders;
import dev.vigil.benchmarks.IngestLoad;
import dev.vigil.benchmarks.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Span ingest into Vigil's tracing plugin over OTLP/HTTP protobuf ({@code POST /v1/traces} on the OTLP port), against
 * a Zipkin server (3.6.1, in-memory storage) receiving the same spans as Zipkin v2 JSON ({@code POST /api/v2/spans}),
 * on the same machine, in one run. Both servers run side by side as child JVMs with the same heap limit; the load
 * goes to one at a time with the same client threads, Vigil first, then Zipkin, and (with two passes) both again on
 * fresh servers in the opposite order. After each load the driver counts the spans the server kept through Zipkin's
 * query API, which both serve, so that the rate is one of spans actually stored. It prints spans/s, p50/p99 request
 * latency, non-2xx responses, spans stored, bytes per span on the wire and on disk, and resident memory, beside the
 * ratio Vigil/Zipkin. Exits with status 1 if a server kept a different number of spans than it was sent.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.traces.TraceIngestDriver
 * [traces] [spans per request] [clients] [rounds] [passes]}, defaults 20,000 traces, 512 spans, 4 client threads, 10
 * rounds, 2 passes.
 */
public final class TraceIngestDriver {

    private static final long SEED = 20_260_107L;
    /** The corpus's traces start over this span of time, ending just before now. */
    private static final long SPREAD_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long SETTLE_MS = 2_000;
    private static final long STORED_WAIT_MS = 60_000;
    private static final long COUNT_WINDOW_MS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceIngestDriver() {}

    public static void main(String[] args) throws Exception {
        int traces = argument(args, 0, 20_000);
        int spansPerRequest = argument(args, 1, 512);
        int clients = argument(args, 2, 4);
        int rounds = argument(args, 3, 10);
        int passes = argument(args, 4, 2);
        Path tracingJar = BenchmarkEnvironment.tracingJar();
        Path zipkinJar = BenchmarkEnvironment.zipkinJar();
        long end = System.currentTimeMillis() * 1_000_000L - TimeUnit.SECONDS.toNanos(5);
        long t0 = System.nanoTime();
        TraceCorpus corpus = TraceCorpus.build(SEED, traces, spansPerRequest, rounds, end - SPREAD_NANOS, end);
        System.out.printf(Locale.ROOT, "%,d traces (%,d with an error), %,d spans, %,d requests of <= %d spans in %d rounds, %d client threads;"
                + " %s of OTLP protobuf, %s of Zipkin JSON, built in %.1f s%n", corpus.traces(), corpus.errorTraces(), corpus.spans(),
                corpus.requests(), spansPerRequest, corpus.otlp().size(), clients, Folders.human(corpus.otlpBytes()),
                Folders.human(corpus.zipkinBytes()), (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "java %s, %d cores; Vigil (tracing plugin only) and Zipkin 3.6.1 (in-memory storage) in child JVMs"
                + " with -Xmx2g%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        boolean allStored = true;
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.create("traces")) {
            IngestLoad load = new IngestLoad(clients);
            for (int pass = 1; pass <= passes; pass++) {
                allStored &= runPass(pass, pass % 2 == 1, environment, tracingJar, zipkinJar, corpus, load);
            }
        }
        if (!allStored) {
            System.out.println("A server kept a different number of spans than it was sent: its rate is not one of stored spans.");
            System.exit(1);
        }
    }

    /** The {@code index}-th argument as a number, {@code fallback} when there are fewer arguments. */
    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static boolean runPass(int pass, boolean vigilFirst, BenchmarkEnvironment environment, Path tracingJar, Path zipkinJar,
            TraceCorpus corpus, IngestLoad load) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(environment.work().resolve("pass-" + pass));
        // the platform's own spans (the kernel traces every request) are off, as Zipkin's self-tracing is
        ServerProcess vigil = environment.add(ServerProcess.vigil(Files.createDirectories(folder.resolve("vigil")), tracingJar, "tracing", """
                tracing:
                  sdk:
                    sampler:
                      type: always_off
                    exporters: []
                """, List.of()));
        // room for every span of the corpus, so that Zipkin drops none
        int maxSpans = (int) Math.min(Integer.MAX_VALUE, corpus.spans() * 2);
        ServerProcess zipkin = environment.add(ServerProcess.zipkin(Files.createDirectories(folder.resolve("zipkin")), zipkinJar, maxSpans));
        long vigilIdle = vigil.rssKb();
        long zipkinIdle = zipkin.rssKb();
        URI otlp = vigil.otlpBase().orElseThrow(() -> new IllegalStateException("Vigil's OTLP listener is off")).resolve("/v1/traces");
        Function<byte[], HttpRequest.Builder> otlpRequest = body -> HttpRequest.newBuilder(otlp)
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        URI spans = zipkin.base().resolve("/api/v2/spans");
        Function<byte[], HttpRequest.Builder> zipkinRequest = body -> HttpRequest.newBuilder(spans)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Measured v;
        Measured z;
        if (vigilFirst) {
            v = measure(vigil, vigilIdle, load, corpus.otlp(), otlpRequest, corpus);
            z = measure(zipkin, zipkinIdle, load, corpus.zipkin(), zipkinRequest, corpus);
        } else {
            z = measure(zipkin, zipkinIdle, load, corpus.zipkin(), zipkinRequest, corpus);
            v = measure(vigil, vigilIdle, load, corpus.otlp(), otlpRequest, corpus);
        }
        environment.stop(vigil);
        environment.stop(zipkin);
        new TraceIngestTable(corpus, v, z).print("pass " + pass + " (" + (vigilFirst ? "Vigil first" : "Zipkin first") + ")", System.out);
        return v.stored().spans() == corpus.spans() && z.stored().spans() == corpus.spans();
    }

    private static Measured measure(ServerProcess server, long idleRssKb, IngestLoad load, List<List<byte[]>> bodies,
            Function<byte[], HttpRequest.Builder> request, TraceCorpus corpus) throws IOException, InterruptedException {
        IngestLoad.Result result = load.run(bodies, request, corpus.spans());
        // lets each server finish what it does just after a write, the same for both
        Thread.sleep(SETTLE_MS);
        long rssKb = server.rssKb();
        Path store = server.data().resolve("plugins/tracing/store");
        boolean isVigil = server.otlpBase().isPresent();
        long storageBytes = isVigil ? Folders.size(store) : 0;
        String breakdown = isVigil ? Folders.breakdown(store) : "";
        long from = TimeUnit.NANOSECONDS.toMillis(corpus.firstStartNanos()) - 1;
        long to = TimeUnit.NANOSECONDS.toMillis(corpus.lastEndNanos()) + 1;
        long began = System.nanoTime();
        StoredSpans.Counted stored = StoredSpans.count(server.base(), from, to, COUNT_WINDOW_MS);
        // a server that stores after answering gets a minute to catch up; the note says how long it took
        while (stored.spans() < corpus.spans() && System.nanoTime() - began < TimeUnit.MILLISECONDS.toNanos(STORED_WAIT_MS)) {
            Thread.sleep(1_000);
            stored = StoredSpans.count(server.base(), from, to, COUNT_WINDOW_MS);
        }
        String note = isVigil ? "; its status endpoint reports " + String.format(Locale.ROOT, "%,d", statusSpans(server.base())) : "";
        return new Measured(server.name(), result, stored, storageBytes, breakdown, idleRssKb, rssKb, note);
    }

    /** The span count of Vigil's {@code GET /api/v1/tracing/status}. */
    private static long statusSpans(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/tracing/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("data").path("spans").asLong(-1);
    }

    /**
     * One server's figures after a run.
     *
     * @param name the server
     * @param result the load's figures
     * @param stored the spans the server returns through Zipkin's query API
     * @param storageBytes the size of Vigil's trace store after the run; 0 for Zipkin, which keeps spans in memory
     * @param storageBreakdown what that folder holds, entry by entry
     * @param idleRssKb resident memory before the load, in KiB
     * @param rssKb resident memory after the load, in KiB
     * @param note more about the stored count, for the line under the table
     */
    record Measured(String name, IngestLoad.Result result, StoredSpans.Counted stored, long storageBytes, String storageBreakdown,
            long idleRssKb, long rssKb, String note) {

        Measured {
            requireNonNull(name, "name is null");
            requireNonNull(result, "result is null");
            requireNonNull(stored, "stored is null");
            requireNonNull(storageBreakdown, "storageBreakdown is null");
            requireNonNull(note, "note is null");
        }
    }
}
