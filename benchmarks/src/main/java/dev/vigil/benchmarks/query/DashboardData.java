package dev.vigil.benchmarks.query;

import com.google.protobuf.CodedOutputStream;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Six hours of a typical service's metrics at a 15 s interval, the same for a given seed: 1,000 counter
 * series {@code http_requests_total{job, instance, method, status}} (5 jobs × 20 instances × 2 methods × 5
 * statuses) and a classic histogram {@code http_request_duration_seconds_bucket{job, instance, le}} of 100
 * label combinations × 10 buckets. Counters only grow, at a per-series rate with noise and a slow swell;
 * each step the histogram observes a noisy number of log-normal latencies, so its buckets grow and stay
 * cumulative. Every counter starts where a service that has run for 1 to 48 hours at its rate would be,
 * never at zero: that is what real servers report, and it keeps {@code rate} away from its extrapolation to
 * zero, where Prometheus 2.42 and Prometheus 3 (whose semantics Vigil follows) differ. Immutable once built.
 */
final class DashboardData {

    /** The interval between samples. */
    static final long STEP_MS = 15_000;
    /** Samples per series: six hours at 15 s. */
    static final int POINTS = 6 * 3600 / 15;

    static final String COUNTER = "http_requests_total";
    static final String BUCKET = "http_request_duration_seconds_bucket";

    private static final String[] JOBS = {"api", "auth", "billing", "search", "web"};
    private static final int INSTANCES = 20;
    private static final String[] METHODS = {"GET", "POST"};
    private static final String[] STATUSES = {"200", "201", "404", "500", "503"};
    private static final double[] STATUS_SHARE = {1.0, 0.1, 0.03, 0.005, 0.002};
    private static final String[] LE = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, Double.POSITIVE_INFINITY};
    private static final double SWELL_PERIOD_MS = 3 * 3600_000.0;
    private static final double MIN_UPTIME_S = 3600;
    private static final double MAX_UPTIME_S = 48 * 3600;
    /** Draws that estimate the share of a histogram's observations in each bucket, for its starting counts. */
    private static final int SHARE_DRAWS = 4_000;

    private final long startMs;
    /** Per series, its labels as sorted name/value pairs. */
    private final List<String[]> labels;
    /** Per series, its value at each point. */
    private final double[][] values;

    private DashboardData(long startMs, List<String[]> labels, double[][] values) {
        this.startMs = startMs;
        this.labels = labels;
        this.values = values;
    }

    /** The data whose last sample is at {@code endMs}, drawn from {@code seed}. */
    static DashboardData generate(long endMs, long seed) {
        long startMs = endMs - (POINTS - 1) * STEP_MS;
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int j = 0; j < JOBS.length; j++) {
            String job = JOBS[j];
            double jobFactor = 0.5 + 1.5 * random.nextDouble();
            for (int i = 0; i < INSTANCES; i++) {
                String instance = "10.0." + j + "." + i + ":8080";
                double instanceFactor = 0.8 + 0.4 * random.nextDouble();
                for (String method : METHODS) {
                    for (int s = 0; s < STATUSES.length; s++) {
                        double perSecond = 20 * jobFactor * instanceFactor * STATUS_SHARE[s] * (method.equals("GET") ? 1 : 0.3);
                        labels.add(new String[] {"__name__", COUNTER, "instance", instance, "job", job, "method", method,
                                "status", STATUSES[s]});
                        values.add(counter(random, startMs, perSecond));
                    }
                }
                histogram(random, startMs, job, instance, labels, values);
            }
        }
        return new DashboardData(startMs, List.copyOf(labels), values.toArray(new double[0][]));
    }

    private static double[] counter(SplittableRandom random, long startMs, double perSecond) {
        double[] series = new double[POINTS];
        double phase = random.nextDouble() * 2 * Math.PI;
        double value = Math.floor(perSecond * uptime(random));
        for (int p = 0; p < POINTS; p++) {
            series[p] = value;
            double expected = perSecond * STEP_MS / 1000 * swell(startMs + p * STEP_MS, phase);
            value += Math.max(0, Math.round(expected * (1 + 0.25 * random.nextGaussian())));
        }
        return series;
    }

    /** Adds the ten bucket series of one job and instance. */
    private static void histogram(SplittableRandom random, long startMs, String job, String instance, List<String[]> labels,
            List<double[]> values) {
        double perSecond = 2 + 8 * random.nextDouble();
        double median = 0.02 + 0.2 * random.nextDouble();
        double spread = 0.6 + 0.4 * random.nextDouble();
        double phase = random.nextDouble() * 2 * Math.PI;
        double[][] buckets = new double[LE.length][POINTS];
        int[] observed = new int[LE.length];
        long[] cumulative = new long[LE.length];
        long before = Math.round(perSecond * uptime(random));
        for (int k = 0; k < SHARE_DRAWS; k++) {
            observed[bucket(median * Math.exp(spread * random.nextGaussian()))]++;
        }
        long share = 0;
        for (int b = 0; b < LE.length; b++) {
            share += observed[b];
            cumulative[b] = Math.round((double) before * share / SHARE_DRAWS);
        }
        for (int p = 0; p < POINTS; p++) {
            double expected = perSecond * STEP_MS / 1000 * swell(startMs + p * STEP_MS, phase);
            long n = Math.max(0, Math.round(expected * (1 + 0.2 * random.nextGaussian())));
            Arrays.fill(observed, 0);
            for (long k = 0; k < n; k++) {
                observed[bucket(median * Math.exp(spread * random.nextGaussian()))]++;
            }
            long running = 0;
            for (int b = 0; b < LE.length; b++) {
                running += observed[b];
                cumulative[b] += running;
                buckets[b][p] = cumulative[b];
            }
        }
        for (int b = 0; b < LE.length; b++) {
            labels.add(new String[] {"__name__", BUCKET, "instance", instance, "job", job, "le", LE[b]});
            values.add(buckets[b]);
        }
    }

    /** The index of the first bucket whose upper bound holds {@code latency}. */
    private static int bucket(double latency) {
        int b = 0;
        while (latency > BOUNDS[b]) {
            b++;
        }
        return b;
    }

    /** How long a service has been up before the data starts, in seconds. */
    private static double uptime(SplittableRandom random) {
        return MIN_UPTIME_S + (MAX_UPTIME_S - MIN_UPTIME_S) * random.nextDouble();
    }

    /** A slow rise and fall of the traffic, between 0.7 and 1.3 times its mean. */
    private static double swell(long timeMs, double phase) {
        return 1 + 0.3 * Math.sin(2 * Math.PI * timeMs / SWELL_PERIOD_MS + phase);
    }

    /** The time of the first sample, in milliseconds since the epoch. */
    long startMs() {
        return startMs;
    }

    /** The time of the last sample. */
    long endMs() {
        return startMs + (POINTS - 1) * STEP_MS;
    }

    int seriesCount() {
        return labels.size();
    }

    long sampleCount() {
        return (long) labels.size() * POINTS;
    }

    /**
     * Remote write bodies (snappy-compressed {@code prometheus.WriteRequest}s) that carry all the samples in
     * timestamp order: each holds every series with the samples of {@code pointsPerRequest} consecutive
     * points, and a request's points all come after those of the one before.
     */
    List<byte[]> writeRequests(int pointsPerRequest) {
        List<byte[]> requests = new ArrayList<>();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ByteArrayOutputStream series = new ByteArrayOutputStream();
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        try {
            for (int from = 0; from < POINTS; from += pointsPerRequest) {
                int to = Math.min(POINTS, from + pointsPerRequest);
                request.reset();
                for (int s = 0; s < labels.size(); s++) {
                    series.reset();
                    String[] pairs = labels.get(s);
                    for (int i = 0; i < pairs.length; i += 2) {
                        part.reset();
                        CodedOutputStream label = CodedOutputStream.newInstance(part);
                        label.writeString(1, pairs[i]);
                        label.writeString(2, pairs[i + 1]);
                        label.flush();
                        field(series, 1, part);
                    }
                    for (int p = from; p < to; p++) {
                        part.reset();
                        CodedOutputStream sample = CodedOutputStream.newInstance(part);
                        sample.writeDouble(1, values[s][p]);
                        sample.writeInt64(2, startMs + p * STEP_MS);
                        sample.flush();
                        field(series, 2, part);
                    }
                    field(request, 1, series);
                }
                requests.add(snappy(request.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a write request in memory", e);
        }
        return requests;
    }

    private static void field(ByteArrayOutputStream target, int number, ByteArrayOutputStream message) throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(target);
        out.writeByteArray(number, message.toByteArray());
        out.flush();
    }

    private static byte[] snappy(byte[] message) {
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(message.length)];
        int n = compressor.compress(message, 0, message.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }
}
