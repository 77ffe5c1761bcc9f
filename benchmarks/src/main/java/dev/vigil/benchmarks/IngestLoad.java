package dev.vigil.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Posts request bodies to one server with a fixed number of client threads, one round at a time: a round's
 * requests may arrive in any order, but the next round starts only when the last request of this one has been
 * answered. For {@link RemoteWriteRounds}, whose rounds hold disjoint series, that means no sample is ever out of
 * order. Each client thread sends its next request when its last one has been answered.
 */
public final class IngestLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final int clients;

    /** A load with {@code clients} client threads. */
    public IngestLoad(int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1: " + clients);
        }
        this.clients = clients;
    }

    /**
     * What one run measured.
     *
     * @param samples samples (or other items, such as spans) sent
     * @param firstRoundNanos wall time of the first round (of remote write, the one that creates every series)
     * @param totalNanos wall time of all rounds
     * @param latencyNanos every request's latency, sorted
     * @param failures responses other than 2xx, and requests that got no response
     * @param firstFailure the status and body of the first failure, or null
     */
    public record Result(long samples, long firstRoundNanos, long totalNanos, long[] latencyNanos, long failures, @Nullable String firstFailure) {

        public Result {
            requireNonNull(latencyNanos, "latencyNanos is null");
        }

        /** The latency at quantile {@code q} (0 to 1), in milliseconds. */
        public double latencyMs(double q) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(q * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, index))] / 1e6;
        }
    }

    Result run(IngestServer server, RemoteWriteRounds payload, int seriesPerRound) throws InterruptedException {
        return run(payload.rounds(), server.process()::remoteWrite, (long) seriesPerRound * payload.rounds().size());
    }

    /**
     * Sends every round's bodies, each as the request {@code request} makes of it, and measures.
     *
     * @param items how many items (samples, spans) all the rounds carry, for {@link Result#samples()}
     */
    public Result run(List<List<byte[]>> rounds, Function<byte[], HttpRequest.Builder> request, long items) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong failures = new AtomicLong();
        AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        long firstRound = 0;
        long began = System.nanoTime();
        try {
            for (List<byte[]> round : rounds) {
                long roundBegan = System.nanoTime();
                AtomicInteger next = new AtomicInteger();
                List<Callable<long[]>> tasks = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    tasks.add(() -> post(http, request, round, next, failures, firstFailure));
                }
                for (Future<long[]> done : pool.invokeAll(tasks)) {
                    latencies.add(join(done));
                }
                if (firstRound == 0) {
                    firstRound = System.nanoTime() - roundBegan;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long total = System.nanoTime() - began;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(n -> n >= 0).sorted().toArray();
        return new Result(items, firstRound, total, all, failures.get(), firstFailure.get());
    }

    /** One client's share of a round: takes the next request until none is left; returns the latencies, -1 where unused. */
    private static long[] post(HttpClient http, Function<byte[], HttpRequest.Builder> request, List<byte[]> round, AtomicInteger next,
            AtomicLong failures, AtomicReference<@Nullable String> firstFailure) throws InterruptedException {
        long[] latencies = new long[round.size()];
        Arrays.fill(latencies, -1);
        for (int i = next.getAndIncrement(); i < round.size(); i = next.getAndIncrement()) {
            HttpRequest built = request.apply(round.get(i)).timeout(REQUEST_TIMEOUT).build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                latencies[i] = System.nanoTime() - t0;
                if (response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, response.statusCode() + " " + response.body().strip());
                }
            } catch (IOException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, "no response: " + e);
            }
        }
        return latencies;
    }

    private static long[] join(Future<long[]> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client thread failed", e.getCause());
        }
    }
}
