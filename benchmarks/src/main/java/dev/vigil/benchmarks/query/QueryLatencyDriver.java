package dev.vigil.benchmarks.query;

import dev.vigil.benchmarks.BenchmarkEnvironment;
import dev.vigil.benchmarks.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dashboard query latency of Vigil's PromQL engine against Prometheus 2.42 on the same data, through
 * Prometheus's HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}). It starts both servers as child
 * processes, remote-writes the same six hours of {@link DashboardData} into each in timestamp order, waits
 * until each counts every sample, then runs typical dashboard queries, instant (just after the last sample)
 * and range (six hours at 15 s steps, halfway between samples: see {@link #EVALUATION_OFFSET_MS}),
 * alternating between the servers (who goes first alternates too): warm-up rounds, then measured rounds. It prints the median and p90 latency of each query on each server, their
 * ratio Vigil/Prometheus, and whether both gave the same answer (same series, same points, values within a
 * relative 1e-6), which is what makes the comparison fair.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.query.QueryLatencyDriver
 * [rounds] [warm-up rounds]}, defaults 20 and 5. Run from the repository root (it finds the metrics plugin
 * JAR under {@code benchmarks/target/plugins}).
 */
public final class QueryLatencyDriver {

    private static final long SEED = 4_2024L;
    private static final int POINTS_PER_REQUEST = 20;
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);
    /**
     * How far the evaluation times lie after the sample times: half a step. Prometheus 2.42 counts a sample
     * exactly at the start of a range window in, Prometheus 3 and Vigil leave it out; halfway between samples
     * no sample is on an edge, so both read the same samples and their answers can be compared.
     */
    static final long EVALUATION_OFFSET_MS = DashboardData.STEP_MS / 2;
    private static final String ALL_SERIES = "{__name__=~\"" + DashboardData.COUNTER + "|" + DashboardData.BUCKET + "\"}";

    /** A dashboard query, with a short name for the table. */
    private record DashboardQuery(String name, String expression) {}

    private static final List<DashboardQuery> QUERIES = List.of(
            new DashboardQuery("rate", "rate(http_requests_total[5m])"),
            new DashboardQuery("sum by job", "sum by (job) (rate(http_requests_total[5m]))"),
            new DashboardQuery("p99", "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"),
            new DashboardQuery("p99 by job", "histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))"),
            new DashboardQuery("topk", "topk(5, sum by (job, instance) (rate(http_requests_total[5m])))"));

    private QueryLatencyDriver() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: QueryLatencyDriver [rounds >= 1] [warm-up rounds >= 0]");
        }
        Path metricsJar = BenchmarkEnvironment.metricsJar();
        long step = DashboardData.STEP_MS;
        long endMs = System.currentTimeMillis() / step * step - step;
        long t0 = System.nanoTime();
        DashboardData data = DashboardData.generate(endMs, SEED);
        List<byte[]> bodies = data.writeRequests(POINTS_PER_REQUEST);
        System.out.printf(Locale.ROOT, "%,d series x %,d points (6 h at 15 s) = %,d samples, seed %d; %d remote write requests of %d points"
                + " per series, %.1f MiB of snappy bodies, built in %.1f s%n", data.seriesCount(), DashboardData.POINTS,
                data.sampleCount(), SEED, bodies.size(), POINTS_PER_REQUEST,
                bodies.stream().mapToLong(b -> b.length).sum() / (1024.0 * 1024), (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "java %s, %d cores; Vigil in a child JVM with -Xmx2g; %s; %d warm-up and %d measured rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), ServerProcess.prometheusVersion(), warmup, rounds);

        try (BenchmarkEnvironment environment = BenchmarkEnvironment.create("query")) {
            QueryServer vigil = QueryServer.vigil(Files.createDirectories(environment.work().resolve("vigil")), metricsJar);
            environment.add(vigil.process());
            QueryServer prometheus = QueryServer.prometheus(Files.createDirectories(environment.work().resolve("prometheus")));
            environment.add(prometheus.process());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            for (QueryServer server : List.of(vigil, prometheus)) {
                long began = System.nanoTime();
                load(http, server, bodies);
                long loaded = System.nanoTime();
                awaitAllSamples(http, server, data);
                System.out.printf(Locale.ROOT, "%s: remote write of all samples took %.1f s; all of them counted %.1f s later%n",
                        server.name(), (loaded - began) / 1e9, (System.nanoTime() - loaded) / 1e9);
            }
            System.out.println();
            LatencyTable.print(measure(http, vigil, prometheus, data, rounds, warmup), System.out);
        }
    }

    /** Posts every body in order; the next goes only once the last was accepted, so samples arrive in time order. */
    private static void load(HttpClient http, QueryServer server, List<byte[]> bodies) throws IOException, InterruptedException {
        for (int i = 0; i < bodies.size(); i++) {
            HttpResponse<String> response = http.send(server.process().remoteWrite(bodies.get(i)).timeout(QUERY_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(server.name() + " refused write request " + (i + 1) + " of " + bodies.size() + ": "
                        + response.statusCode() + " " + abbreviate(response.body()) + "\n" + server.process().logTail());
            }
        }
    }

    /** Waits until the server counts every sample written, so that the queries see the whole data. */
    private static void awaitAllSamples(HttpClient http, QueryServer server, DashboardData data) throws IOException, InterruptedException {
        String count = "sum(count_over_time(" + ALL_SERIES + "[6h]))";
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpRequest request = server.get("/api/v1/query", QueryServer.instant(count, data.endMs() + EVALUATION_OFFSET_MS))
                    .timeout(QUERY_TIMEOUT).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiResult result = answer(response);
            ApiResult.Points points = result.series().get("{}");
            if (points != null && points.values().length == 1 && points.values()[0] == data.sampleCount()) {
                return;
            }
            last = result.error() != null ? result.error() : "counted " + (points == null ? "nothing" : points.values()[0]);
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(server.name() + " does not count all " + data.sampleCount() + " samples after "
                + LOAD_TIMEOUT.toSeconds() + " s; last answer: " + last + "\n" + server.process().logTail());
    }

    /** Runs the warm-up and measured rounds, and compares the two servers' answers of the first measured round. */
    private static List<LatencyTable.Row> measure(HttpClient http, QueryServer vigil, QueryServer prometheus, DashboardData data,
            int rounds, int warmup) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Map<String, String>> parameters = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (DashboardQuery query : QUERIES) {
            names.add(query.name());
            modes.add("instant");
            paths.add("/api/v1/query");
            parameters.add(QueryServer.instant(query.expression(), data.endMs() + EVALUATION_OFFSET_MS));
            names.add(query.name());
            modes.add("range");
            paths.add("/api/v1/query_range");
            parameters.add(QueryServer.range(query.expression(), data.startMs() + EVALUATION_OFFSET_MS,
                    data.endMs() + EVALUATION_OFFSET_MS, DashboardData.STEP_MS));
        }
        int cases = names.size();
        long[][] vigilNanos = new long[cases][rounds];
        long[][] prometheusNanos = new long[cases][rounds];
        ApiResult[] vigilAnswers = new ApiResult[cases];
        ApiResult[] prometheusAnswers = new ApiResult[cases];
        for (int r = 0; r < warmup + rounds; r++) {
            for (int c = 0; c < cases; c++) {
                boolean vigilFirst = (r + c) % 2 == 0;
                for (QueryServer server : vigilFirst ? List.of(vigil, prometheus) : List.of(prometheus, vigil)) {
                    HttpRequest request = server.get(paths.get(c), parameters.get(c)).timeout(QUERY_TIMEOUT).build();
                    long began = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long nanos = System.nanoTime() - began;
                    if (r < warmup) {
                        continue;
                    }
                    boolean isVigil = server == vigil;
                    (isVigil ? vigilNanos : prometheusNanos)[c][r - warmup] = nanos;
                    if (r == warmup) {
                        (isVigil ? vigilAnswers : prometheusAnswers)[c] = answer(response);
                    }
                }
            }
        }
        List<LatencyTable.Row> rows = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            String difference = vigilAnswers[c].differenceFrom(prometheusAnswers[c]);
            rows.add(new LatencyTable.Row(names.get(c), modes.get(c), vigilNanos[c], prometheusNanos[c],
                    LatencyTable.size(prometheusAnswers[c]), difference == null ? "same" : "NO: " + difference));
        }
        return rows;
    }

    /** The answer of a response; a status other than 200 or a body that is not the API's JSON is an error answer. */
    private static ApiResult answer(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        try {
            ApiResult result = ApiResult.parse(response.body());
            if (response.statusCode() != 200 && result.error() == null) {
                return new ApiResult("error", Map.of(), "HTTP " + response.statusCode());
            }
            return result;
        } catch (IOException | RuntimeException e) {
            return new ApiResult("error", Map.of(), "HTTP " + response.statusCode() + ": " + abbreviate(body));
        }
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
