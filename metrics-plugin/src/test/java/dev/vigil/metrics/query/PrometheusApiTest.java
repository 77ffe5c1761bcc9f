package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query API in a real kernel with real HTTP, over an engine and a store the test controls. */
class PrometheusApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final TestingMetricQuery engine = new TestingMetricQuery();
    private final TestingMetricStore store = new TestingMetricStore();
    private TestKernel kernel;
    private PrometheusApi api;

    @AfterEach
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void anInstantVectorIsWrittenAsPrometheusWritesIt() throws Exception {
        start(QuerySettings.defaults());
        engine.answer(new QueryValue.VectorValue(List.of(
                new QueryValue.Sample(Labels.of("__name__", "up", "job", "node", "instance", "a<b&c>"), 1435781451781L, 1),
                new QueryValue.Sample(Labels.of("__name__", "up", "job", "prometheus"), 1435781451781L, Double.NaN))),
                List.of(), List.of());

        HttpResponse<String> response = get("/api/v1/query", "query", "up", "time", "2015-07-01T20:10:51.781Z");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"__name__\":\"up\",\"instance\":\"a\\u003cb\\u0026c\\u003e\",\"job\":\"node\"},\"value\":[1435781451.781,\"1\"]},"
                + "{\"metric\":{\"__name__\":\"up\",\"job\":\"prometheus\"},\"value\":[1435781451.781,\"NaN\"]}]}}");
        assertThat(engine.lastCall().expression()).isEqualTo("up");
        assertThat(engine.lastCall().start()).isEqualTo(Instant.parse("2015-07-01T20:10:51.781Z"));
        assertThat(engine.lastCall().end()).isNull();
    }

    @Test
    void matricesScalarsAndStringsHaveTheirShapes() throws Exception {
        start(QuerySettings.defaults());
        engine.answer(new QueryValue.MatrixValue(List.of(QueryValue.RangeSeries.of(Labels.of("job", "a"),
                new long[] {1_000, 16_500, 31_000}, new double[] {0.1 + 0.2, 1e21, Double.NEGATIVE_INFINITY}))), List.of(), List.of());

        assertThat(get("/api/v1/query_range", "query", "x", "start", "1", "end", "31", "step", "15.5").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"job\":\"a\"},"
                        + "\"values\":[[1,\"0.30000000000000004\"],[16.500,\"1e+21\"],[31,\"-Inf\"]]}]}}");
        TestingMetricQuery.Call range = engine.lastCall();
        assertThat(range.start()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(range.end()).isEqualTo(Instant.ofEpochSecond(31));
        assertThat(range.step()).isEqualTo(Duration.ofMillis(15_500));

        engine.answer(new QueryValue.ScalarValue(1_500, 1e21), List.of(), List.of());
        assertThat(get("/api/v1/query", "query", "1e21").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"1000000000000000000000\"]}}");

        engine.answer(new QueryValue.StringValue(100_000, "a \"b\""), List.of(), List.of());
        assertThat(get("/api/v1/query", "query", "\"a\"").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[100,\"a \\\"b\\\"\"]}}");
    }

    @Test
    void formEncodedPostsWorkLikeGets() throws Exception {
        start(QuerySettings.defaults());
        engine.answer(new QueryValue.ScalarValue(NOW, 2), List.of(), List.of());

        HttpResponse<String> response = postForm("/api/v1/query", "query", "1+1", "time", "1700000000.5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resultType\":\"scalar\"");
        assertThat(engine.lastCall().expression()).isEqualTo("1+1");
        assertThat(engine.lastCall().start()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
        assertThat(postForm("/api/v1/query_range", "query", "up", "start", "1", "end", "2", "step", "1").statusCode()).isEqualTo(200);
    }

    @Test
    void anInstantQueryWithoutTimeIsEvaluatedNowWithTheConfiguredLimits() throws Exception {
        start(new QuerySettings(Duration.ofSeconds(30), 1000, Duration.ofMinutes(5), 4));

        get("/api/v1/query", "query", "up");
        TestingMetricQuery.Call call = engine.lastCall();
        assertThat(call.start()).isEqualTo(Instant.ofEpochMilli(NOW));
        assertThat(call.options().timeout()).contains(Duration.ofSeconds(30));
        assertThat(call.options().lookbackDelta()).isEmpty();

        get("/api/v1/query", "query", "up", "timeout", "5s", "lookback_delta", "1m");
        assertThat(engine.lastCall().options().timeout()).contains(Duration.ofSeconds(5));
        assertThat(engine.lastCall().options().lookbackDelta()).contains(Duration.ofMinutes(1));

        get("/api/v1/query", "query", "up", "timeout", "1h");
        assertThat(engine.lastCall().options().timeout()).as("capped by the configured timeout").contains(Duration.ofSeconds(30));
    }

    @Test
    void badParametersAreRefusedWithPrometheusMessages() throws Exception {
        start(QuerySettings.defaults());

        assertError(get("/api/v1/query", "query", "up", "time", "x"), 400, "bad_data",
                "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"x\" to a valid timestamp");
        assertError(get("/api/v1/query", "query", "up", "timeout", "x"), 400, "bad_data",
                "invalid parameter \"timeout\": cannot parse \"x\" to a valid duration");
        assertError(get("/api/v1/query", "query", "up", "limit", "x"), 400, "bad_data",
                "invalid parameter \"limit\": strconv.Atoi: parsing \"x\": invalid syntax");
        assertError(get("/api/v1/query", "query", "up", "limit", "-1"), 400, "bad_data",
                "invalid parameter \"limit\": limit must be non-negative");
        assertError(get("/api/v1/query", "query", "up", "lookback_delta", "x"), 400, "bad_data",
                "error parsing lookback delta duration: cannot parse \"x\" to a valid duration");
        assertError(get("/api/v1/query_range", "query", "up", "start", "x"), 400, "bad_data",
                "invalid parameter \"start\": cannot parse \"x\" to a valid timestamp");
        assertError(get("/api/v1/query_range", "query", "up", "start", "1"), 400, "bad_data",
                "invalid parameter \"end\": cannot parse \"\" to a valid timestamp");
        assertError(get("/api/v1/query_range", "query", "up", "start", "2", "end", "1", "step", "1"), 400, "bad_data",
                "invalid parameter \"end\": end timestamp must not be before start time");
        assertError(get("/api/v1/query_range", "query", "up", "start", "1", "end", "2"), 400, "bad_data",
                "invalid parameter \"step\": cannot parse \"\" to a valid duration");
        assertError(get("/api/v1/query_range", "query", "up", "start", "1", "end", "2", "step", "0"), 400, "bad_data",
                "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer");
        assertError(get("/api/v1/query_range", "query", "up", "start", "1", "end", "2", "step", "-1s"), 400, "bad_data",
                "invalid parameter \"step\": cannot parse \"-1s\" to a valid duration");
        assertError(get("/api/v1/query_range", "query", "up", "start", "0", "end", "11001", "step", "1"), 400, "bad_data",
                "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        assertThat(get("/api/v1/query_range", "query", "up", "start", "0", "end", "11000", "step", "1").statusCode()).isEqualTo(200);
        assertThat(engine.calls()).hasSize(1);
    }

    @Test
    void engineFailuresGetTheStatusOfTheirType() throws Exception {
        start(QuerySettings.defaults());

        engine.failOnCreate(new QueryException(QueryException.ErrorType.BAD_DATA, "1:4: parse error: unclosed left parenthesis"));
        assertError(get("/api/v1/query", "query", "up("), 400, "bad_data", "invalid parameter \"query\": 1:4: parse error: unclosed left parenthesis");
        assertError(get("/api/v1/query_range", "query", "up(", "start", "1", "end", "2", "step", "1"), 400, "bad_data",
                "invalid parameter \"query\": 1:4: parse error: unclosed left parenthesis");
        engine.failOnCreate(null);

        engine.failOnExecute(new QueryException(QueryException.ErrorType.EXECUTION,
                "query processing would load too many samples into memory in query execution"));
        assertError(get("/api/v1/query", "query", "up"), 422, "execution",
                "query processing would load too many samples into memory in query execution");
        engine.failOnExecute(new QueryException(QueryException.ErrorType.TIMEOUT, "query timed out in expression evaluation"));
        assertError(get("/api/v1/query", "query", "up"), 503, "timeout", "query timed out in expression evaluation");
        engine.failOnExecute(new QueryException(QueryException.ErrorType.CANCELED, "query was canceled in expression evaluation"));
        assertError(get("/api/v1/query", "query", "up"), 503, "canceled", "query was canceled in expression evaluation");
        engine.failOnExecute(new QueryException(QueryException.ErrorType.INTERNAL, "cannot read block"));
        assertError(get("/api/v1/query", "query", "up"), 500, "internal", "cannot read block");
        engine.failOnExecute(null);

        engine.crashOnExecute(new IllegalStateException("a bug"));
        HttpResponse<String> crashed = get("/api/v1/query", "query", "up");
        assertThat(crashed.statusCode()).isEqualTo(500);
        assertThat(crashed.body()).startsWith("{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"unexpected failure: ")
                .contains("a bug");
    }

    @Test
    void annotationsGoBesideTheDataTenOfEachAtMost() throws Exception {
        start(QuerySettings.defaults());
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            warnings.add("PromQL warning: w" + i + " (1:1)");
        }
        engine.answer(new QueryValue.VectorValue(List.of()), warnings, List.of("PromQL info: metric might not be a counter (1:6)"));

        String body = get("/api/v1/query", "query", "rate(x[5m])").body();

        assertThat(body).startsWith("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},\"warnings\":[\"PromQL warning: w0 (1:1)\"")
                .contains("\"PromQL warning: w9 (1:1)\",\"2 more warning annotations omitted\"],")
                .endsWith(",\"infos\":[\"PromQL info: metric might not be a counter (1:6)\"]}")
                .doesNotContain("w10");
    }

    @Test
    void aLimitKeepsTheFirstSeriesAndSaysSo() throws Exception {
        start(QuerySettings.defaults());
        engine.answer(new QueryValue.VectorValue(List.of(
                new QueryValue.Sample(Labels.of("job", "a"), 0, 1),
                new QueryValue.Sample(Labels.of("job", "b"), 0, 2))), List.of(), List.of());

        assertThat(get("/api/v1/query", "query", "x", "time", "0", "limit", "1").body())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + "{\"metric\":{\"job\":\"a\"},\"value\":[0,\"1\"]}]},\"warnings\":[\"results truncated due to limit\"]}");
        assertThat(get("/api/v1/query", "query", "x", "time", "0", "limit", "2").body()).doesNotContain("warnings");
        assertThat(get("/api/v1/query", "query", "x", "time", "0", "limit", "0").body()).contains("\"job\":\"b\"");
    }

    @Test
    void queriesBeyondMaxConcurrentWaitAndFailWhenTheirTimeoutPasses() throws Exception {
        start(new QuerySettings(Duration.ofMinutes(2), 1000, Duration.ofMinutes(5), 1));
        engine.hold();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get("/api/v1/query", "query", "slow"));
        engine.awaitRunning();

        assertError(get("/api/v1/query", "query", "waits", "timeout", "0.2"), 503, "timeout", "query timed out in query queue");

        engine.release();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/query", "query", "after").statusCode()).isEqualTo(200);
    }

    @Test
    void aQueryThatWaitedGetsWhatIsLeftOfItsTimeout() throws Exception {
        start(new QuerySettings(Duration.ofMinutes(2), 1000, Duration.ofMinutes(5), 1));
        engine.hold();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get("/api/v1/query", "query", "slow"));
        engine.awaitRunning();
        CompletableFuture<HttpResponse<String>> second =
                CompletableFuture.supplyAsync(() -> get("/api/v1/query", "query", "queued", "timeout", "20s"));
        Await.until("the second query to wait for its turn", WAIT, api::waitingQueries, n -> n == 1);

        engine.release();

        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        List<TestingMetricQuery.Call> queued = engine.calls().stream().filter(c -> c.expression().equals("queued")).toList();
        assertThat(queued).as("created once to check it, once more with the time left").hasSize(2);
        assertThat(queued.get(1).options().timeout()).hasValueSatisfying(t -> assertThat(t).isLessThan(Duration.ofSeconds(20)));
    }

    @Test
    void labelNamesAndValuesComeFromTheStore() throws Exception {
        start(QuerySettings.defaults());
        write(Labels.of("__name__", "up", "job", "node", "instance", "a"), 1000, 1);
        write(Labels.of("__name__", "up", "job", "api", "instance", "b"), 1000, 1);
        write(Labels.of("__name__", "http.requests", "http.method", "GET"), 1000, 5);

        assertThat(get("/api/v1/labels").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"http.method\",\"instance\",\"job\"]}");
        assertThat(get("/api/v1/label/job/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"api\",\"node\"]}");
        assertThat(get("/api/v1/label/__name__/values", "limit", "1").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"http.requests\"],\"warnings\":[\"results truncated due to limit\"]}");
        assertThat(get("/api/v1/label/U__http_2e_method/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"GET\"]}");
        assertThat(get("/api/v1/label/nothing/values").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
        assertError(get("/api/v1/labels", "start", "yesterday"), 400, "bad_data",
                "invalid parameter \"start\": Invalid time value for 'start': cannot parse \"yesterday\" to a valid timestamp");
    }

    @Test
    void seriesAreTheUnionOfEveryMatchSortedAndCut() throws Exception {
        start(QuerySettings.defaults());
        write(Labels.of("__name__", "up", "job", "node", "instance", "a"), 1000, 1);
        write(Labels.of("__name__", "up", "job", "api", "instance", "b"), 5000, 1);
        write(Labels.of("__name__", "temp", "room", "x"), 1000, 21);

        assertThat(get("/api/v1/series", "match[]", "up{job=\"node\"}", "match[]", "{room=~\"x|y\"}", "match[]", "up{instance=\"a\"}").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[{\"__name__\":\"temp\",\"room\":\"x\"},"
                        + "{\"__name__\":\"up\",\"instance\":\"a\",\"job\":\"node\"}]}");
        assertThat(postForm("/api/v1/series", "match[]", "up", "limit", "1").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"instance\":\"a\",\"job\":\"node\"}],"
                        + "\"warnings\":[\"results truncated due to limit\"]}");
        assertThat(get("/api/v1/series", "match[]", "up", "start", "4", "end", "6").body()).contains("\"instance\":\"b\"").doesNotContain("\"a\"");
        assertThat(get("/api/v1/series", "match[]", "up", "start", "6", "end", "4").body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
        assertThat(get("/api/v1/labels", "match[]", "temp").body()).isEqualTo("{\"status\":\"success\",\"data\":[\"__name__\",\"room\"]}");
        assertThat(get("/api/v1/label/job/values", "match[]", "up{instance=\"b\"}", "match[]", "up{instance=\"a\"}").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"api\",\"node\"]}");
    }

    @Test
    void matchMustBeASeriesSelector() throws Exception {
        start(QuerySettings.defaults());

        assertError(get("/api/v1/series"), 400, "bad_data", "no match[] parameter provided");
        assertError(postForm("/api/v1/series", "start", "1"), 400, "bad_data", "no match[] parameter provided");
        assertError(get("/api/v1/series", "match[]", "{job=~\".*\"}"), 400, "bad_data",
                "invalid parameter \"match[]\": match[] must contain at least one non-empty matcher");
        assertError(get("/api/v1/series", "match[]", "rate(up[5m])"), 400, "bad_data",
                "invalid parameter \"match[]\": 1:1: parse error: expected a series selector, found a call of rate()");
        assertError(get("/api/v1/series", "match[]", "up offset 5m"), 400, "bad_data",
                "invalid parameter \"match[]\": 1:1: parse error: a series selector takes no offset or @ modifier");
        assertError(get("/api/v1/labels", "match[]", "{a=\"\"}"), 400, "bad_data", "match[] must contain at least one non-empty matcher");
        HttpResponse<String> broken = get("/api/v1/label/job/values", "match[]", "up{");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).startsWith("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:").contains("parse error");
    }

    @Test
    void exemplarQueriesAreCheckedAndAnsweredEmpty() throws Exception {
        start(QuerySettings.defaults());

        assertThat(get("/api/v1/query_exemplars", "query", "rate(up[5m])", "start", "1", "end", "2").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[]}");
        HttpResponse<String> noSeries = postForm("/api/v1/query_exemplars", "query", "1+1");
        assertThat(noSeries.statusCode()).isEqualTo(204);
        assertThat(noSeries.body()).isEmpty();
        HttpResponse<String> broken = get("/api/v1/query_exemplars", "query", "up(");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("parse error");
    }

    @Test
    void metadataBuildInfoAndExemplars() throws Exception {
        start(QuerySettings.defaults());
        try (MetricAppender appender = store.appender()) {
            appender.metadata("http_requests", new MetricMetadata(MetricType.COUNTER, "Requests served.", ""));
            appender.metadata("queue", new MetricMetadata(MetricType.GAUGE_HISTOGRAM, "Waiting <jobs>.", "seconds"));
            appender.commit();
        }

        assertThat(get("/api/v1/metadata").body()).isEqualTo("{\"status\":\"success\",\"data\":{"
                + "\"http_requests\":[{\"type\":\"counter\",\"help\":\"Requests served.\",\"unit\":\"\"}],"
                + "\"queue\":[{\"type\":\"gaugehistogram\",\"help\":\"Waiting \\u003cjobs\\u003e.\",\"unit\":\"seconds\"}]}}");
        assertThat(get("/api/v1/metadata", "metric", "queue").body()).doesNotContain("http_requests").contains("\"queue\"");
        assertThat(get("/api/v1/metadata", "limit", "1").body()).doesNotContain("queue").contains("http_requests");
        assertThat(get("/api/v1/metadata", "limit", "0").body()).isEqualTo("{\"status\":\"success\",\"data\":{}}");
        assertError(get("/api/v1/metadata", "limit", "x"), 400, "bad_data", "limit must be a number");
        assertError(get("/api/v1/metadata", "limit_per_metric", "x"), 400, "bad_data", "limit_per_metric must be a number");

        assertThat(get("/api/v1/status/buildinfo").body()).isEqualTo("{\"status\":\"success\",\"data\":{\"version\":\"1.2.3\","
                + "\"revision\":\"\",\"branch\":\"\",\"buildUser\":\"\",\"buildDate\":\"\",\"goVersion\":\"\"}}");

        assertError(get("/api/v1/query_exemplars", "query", "up", "start", "2", "end", "1"), 400, "bad_data",
                "end timestamp must not be before start timestamp");
    }

    private void start(QuerySettings settings) throws Exception {
        kernel = TestKernel.builder().plugin("api", "1.0.0", () -> new Plugin() {
            @Override
            public void start(PluginContext context) {
                api = new PrometheusApi(engine, store, settings, context.clock(), "1.2.3");
                api.register(context.routes());
            }
        }).start();
        kernel.awaitState("api", PluginState.ACTIVE, WAIT);
    }

    private void write(Labels labels, long timestamp, double value) throws Exception {
        try (MetricAppender appender = store.appender()) {
            appender.append(0, labels, timestamp, value);
            appender.commit();
        }
    }

    private HttpResponse<String> get(String path, String... params) {
        return kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path + (params.length == 0 ? "" : "?" + form(params)))).GET());
    }

    private HttpResponse<String> postForm(String path, String... params) {
        return kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    static String form(String... params) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            if (i > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static void assertError(HttpResponse<String> response, int status, String type, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
