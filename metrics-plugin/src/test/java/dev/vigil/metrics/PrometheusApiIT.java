package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.VigilApi;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.PrometheusProcess;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus's query API served by the metrics plugin from its JAR, in a real kernel, over samples written to the
 * store the plugin publishes, with the real PromQL engine behind it.
 */
class PrometheusApiIT {

    /** Ten minutes of samples every 15 seconds, ending at {@link #end}. */
    static final long STEP = 15_000;
    static final int POINTS = 41;

    private static TestKernel kernel;
    private static long end;

    @BeforeAll
    static void start() throws Exception {
        kernel = MetricsPluginIT.start("metrics:\n  selfScrapeInterval: 0s\n  query:\n    maxSamples: 1000\n");
        end = writeDemoData(MetricsPluginIT.store(kernel));
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /**
     * Writes {@code demo_requests_total} for two instances (counting up by 10 and by 20 every 15 seconds) and
     * {@code demo_temperature_celsius} (always 21.5), with their metadata; returns the time of the last samples.
     */
    static long writeDemoData(MetricStore store) throws Exception {
        long last = System.currentTimeMillis() / STEP * STEP - STEP;
        long first = last - (POINTS - 1) * STEP;
        Labels a = Labels.of("__name__", "demo_requests_total", "job", "api", "instance", "a", "code", "200");
        Labels b = Labels.of("__name__", "demo_requests_total", "job", "api", "instance", "b", "code", "500");
        Labels room = Labels.of("__name__", "demo_temperature_celsius", "job", "lab", "room", "x");
        try (MetricAppender appender = store.appender()) {
            for (int i = 0; i < POINTS; i++) {
                long t = first + i * STEP;
                appender.append(0, a, t, i * 10);
                appender.append(0, b, t, i * 20);
                appender.append(0, room, t, 21.5);
            }
            appender.metadata("demo_requests_total", new MetricMetadata(MetricType.COUNTER, "Requests served.", ""));
            appender.metadata("demo_temperature_celsius", new MetricMetadata(MetricType.GAUGE, "Room temperature.", "celsius"));
            appender.commit();
        }
        return last;
    }

    @Test
    void theEngineIsPublishedForOtherPlugins() throws Exception {
        MetricQuery engine = kernel.kernel().services().find(MetricQuery.class).orElseThrow();

        QueryResult result = engine.instant("demo_temperature_celsius", Instant.ofEpochMilli(end));

        assertThat(result.value()).isEqualTo(new QueryValue.VectorValue(List.of(new QueryValue.Sample(
                Labels.of("__name__", "demo_temperature_celsius", "job", "lab", "room", "x"), end, 21.5))));
    }

    @Test
    void anInstantQueryAnswersWithTheStoredValues() {
        HttpResponse<String> response = get("/api/v1/query", "query", "demo_requests_total", "time", seconds(end));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"demo_requests_total\",\"code\":\"200\",\"instance\":\"a\",\"job\":\"api\"},\"value\":[" + seconds(end) + ",\"400\"]},"
                + "{\"metric\":{\"__name__\":\"demo_requests_total\",\"code\":\"500\",\"instance\":\"b\",\"job\":\"api\"},\"value\":[" + seconds(end) + ",\"800\"]}]}}");
    }

    @Test
    void aRangeQueryPostedAsAFormAnswersWithAMatrix() {
        long start = end - 5 * 60_000;

        HttpResponse<String> response = postForm("/api/v1/query_range",
                "query", "sum by (job) (demo_requests_total)", "start", seconds(start), "end", seconds(end), "step", "60");

        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i <= 5; i++) {
            values.append(i == 0 ? "" : ",").append('[').append(seconds(start + i * 60_000)).append(",\"").append(30 * (20 + 4 * i)).append("\"]");
        }
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"job\":\"api\"},\"values\":[" + values + "]}]}}");
    }

    @Test
    void seriesLabelsAndMetadataComeFromTheStore() {
        assertThat(get("/api/v1/series", "match[]", "demo_requests_total{code=\"500\"}", "match[]", "demo_temperature_celsius").body())
                .isEqualTo("{\"status\":\"success\",\"data\":["
                        + "{\"__name__\":\"demo_requests_total\",\"code\":\"500\",\"instance\":\"b\",\"job\":\"api\"},"
                        + "{\"__name__\":\"demo_temperature_celsius\",\"job\":\"lab\",\"room\":\"x\"}]}");
        assertThat(get("/api/v1/labels", "match[]", "demo_temperature_celsius").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"job\",\"room\"]}");
        assertThat(get("/api/v1/label/job/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"api\",\"lab\"]}");
        assertThat(get("/api/v1/label/instance/values", "match[]", "demo_requests_total{code=\"200\"}").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"a\"]}");
        assertThat(get("/api/v1/metadata", "metric", "demo_temperature_celsius").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"demo_temperature_celsius\":"
                        + "[{\"type\":\"gauge\",\"help\":\"Room temperature.\",\"unit\":\"celsius\"}]}}");
        assertThat(get("/api/v1/status/buildinfo").body()).contains("\"version\":\"" + VigilApi.version() + "\"");
        assertThat(get("/api/v1/query_exemplars", "query", "demo_requests_total").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
    }

    @Test
    void failingQueriesAnswerFastAndThePlatformStaysHealthy() {
        HttpResponse<String> malformed = get("/api/v1/query", "query", "sum(demo_requests_total");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:")
                .contains("parse error");

        HttpResponse<String> badSelector = get("/api/v1/series", "match[]", "rate(demo_requests_total[5m])");
        assertThat(badSelector.statusCode()).isEqualTo(400);
        assertThat(badSelector.body()).contains("\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"match[]\\\": ");

        // 601 steps of two series hold 1202 samples, over query.maxSamples
        HttpResponse<String> tooBig = get("/api/v1/query_range",
                "query", "demo_requests_total", "start", seconds(end - 600_000), "end", seconds(end), "step", "1");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"execution\","
                + "\"error\":\"query processing would load too many samples into memory in query execution\"}");

        HttpResponse<String> tooSlow = get("/api/v1/query", "query", "rate(demo_requests_total[5m])", "time", seconds(end), "timeout", "0.000001");
        assertThat(tooSlow.statusCode()).isEqualTo(503);
        assertThat(tooSlow.body()).startsWith("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in ");

        assertThat(kernel.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(kernel.get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> normal = get("/api/v1/query", "query", "sum(demo_requests_total)", "time", seconds(end));
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body()).contains("\"value\":[" + seconds(end) + ",\"1200\"]");
    }

    @Test
    void answersAsPrometheusAnswersOverTheSameSamples(@TempDir Path dir) throws Exception {
        PrometheusProcess.requireInstalled();
        int port = PrometheusProcess.freePort();
        try (PrometheusProcess prometheus = PrometheusProcess.start(dir, port, "global:\n  scrape_interval: 1m\n", true);
                TestKernel vigil = MetricsPluginIT.start("metrics:\n  selfScrapeInterval: 0s\n  remoteWrite:\n"
                        + "    - url: http://127.0.0.1:" + port + "/api/v1/write\n      batchSendDeadline: 200ms\n")) {
            long last = writeDemoData(MetricsPluginIT.store(vigil));
            String at = seconds(last);
            Await.until("every sample in Prometheus", MetricsPluginIT.WAIT,
                    () -> prometheus.get("/api/v1/query?" + form("query", "sum(count_over_time({__name__=~\"demo_.*\"}[15m]))", "time", at)).body(),
                    body -> body.contains("\"" + 3 * POINTS + "\""));
            String from = seconds(last - 5 * 60_000);
            List<String> requests = List.of(
                    "/api/v1/query?" + form("query", "demo_requests_total", "time", at),
                    // windows that do not start on a sample: Prometheus 2 closes them on the left, Prometheus 3 does not
                    "/api/v1/query?" + form("query", "rate(demo_requests_total[50s])", "time", at),
                    "/api/v1/query?" + form("query", "demo_requests_total / 7", "time", seconds(last - 7_500)),
                    "/api/v1/query?" + form("query", "demo_temperature_celsius * 1e-7 or demo_requests_total * 1e20", "time", at),
                    "/api/v1/query?" + form("query", "demo_requests_total[50s]", "time", at),
                    "/api/v1/query?" + form("query", "scalar(sum(demo_requests_total)) / 3", "time", at),
                    "/api/v1/query?" + form("query", "\"a <string>\"", "time", "1.5"),
                    "/api/v1/query?" + form("query", "demo_requests_total - demo_requests_total offset 1m > 10", "time", at),
                    "/api/v1/query_range?" + form("query", "rate(demo_requests_total[50s])", "start", from, "end", at, "step", "15"),
                    "/api/v1/query_range?" + form("query", "sum by (job) (demo_requests_total) / 9", "start", from, "end", at, "step", "37.5"),
                    "/api/v1/query_range?" + form("query", "demo_temperature_celsius", "start", seconds(last - 30 * 60_000), "end", at, "step", "5m"),
                    "/api/v1/series?" + form("match[]", "demo_requests_total", "match[]", "{room=\"x\"}"),
                    "/api/v1/labels",
                    "/api/v1/labels?" + form("match[]", "demo_temperature_celsius"),
                    "/api/v1/label/instance/values",
                    "/api/v1/label/job/values?" + form("match[]", "demo_requests_total"),
                    "/api/v1/query_range?" + form("query", "up", "start", "2", "end", "1", "step", "15"),
                    "/api/v1/query_range?" + form("query", "up", "start", "1", "end", "2", "step", "0"),
                    "/api/v1/query_range?" + form("query", "up", "start", "0", "end", "100000", "step", "1"),
                    "/api/v1/query?" + form("query", "up", "time", "soon"),
                    "/api/v1/series?" + form("match[]", "{job=~\".*\"}"));
            for (String request : requests) {
                HttpResponse<String> expected = prometheus.get(request);
                HttpResponse<String> actual = vigil.send(HttpRequest.newBuilder(vigil.uri().resolve(request)).GET());
                assertThat(actual.body()).as(request).isEqualTo(expected.body());
                assertThat(actual.statusCode()).as(request).isEqualTo(expected.statusCode());
            }
        }
    }

    /** Milliseconds as the Unix seconds clients send. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    static HttpResponse<String> get(String path, String... params) {
        return get(kernel, path, params);
    }

    static HttpResponse<String> get(TestKernel kernel, String path, String... params) {
        return kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path + (params.length == 0 ? "" : "?" + form(params)))).GET());
    }

    static HttpResponse<String> postForm(String path, String... params) {
        return postForm(kernel, path, params);
    }

    static HttpResponse<String> postForm(TestKernel kernel, String path, String... params) {
        return kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    /** {@code name=value&...}, URL-encoded. */
    static String form(String... params) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            out.append(i == 0 ? "" : "&").append(URLEncoder.encode(params[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
