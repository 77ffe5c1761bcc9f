package dev.vigil.metrics.remotewrite;

/**
 * Remote write payloads for benchmarks and load drivers: the same bytes can be posted to Vigil and to
 * Prometheus to compare them.
 */
public final class RemoteWritePayloads {

    private RemoteWritePayloads() {}

    /**
     * A snappy-compressed {@code prometheus.WriteRequest} with {@code series} series of the metric
     * {@code bench_metric} (labels {@code job}, {@code instance} and {@code series}), each with
     * {@code samplesPerSeries} samples 15 seconds apart from {@code startMs}.
     *
     * @param series how many series
     * @param samplesPerSeries how many samples each
     * @param startMs the first timestamp, in milliseconds since the epoch
     * @return the request body, ready to post with {@code Content-Encoding: snappy}
     */
    public static byte[] build(int series, int samplesPerSeries, long startMs) {
        WriteRequestBuilder request = new WriteRequestBuilder();
        for (int s = 0; s < series; s++) {
            WriteRequestBuilder.SeriesBuilder builder = request.series(
                    "__name__", "bench_metric",
                    "instance", "host-" + (s % 100) + ":9100",
                    "job", "bench",
                    "series", Integer.toString(s));
            for (int i = 0; i < samplesPerSeries; i++) {
                builder.sample(startMs + i * 15_000L, s + i * 0.5);
            }
            builder.end();
        }
        return request.snappy();
    }
}
