package dev.vigil.logging.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.logging.logql.Records;
import dev.vigil.logging.logql.TestingLogQuery;
import dev.vigil.testkit.TestKernel;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loki's API in a real kernel over real HTTP, sent the requests Grafana's Loki data source sends (Save &amp; test,
 * Explore, the logs volume, label pickers, the query stats), with the JSON fields Grafana reads checked.
 */
class LokiApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The test kernel's clock. */
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestingLogQuery store = new TestingLogQuery();
    private TestKernel kernel;

    @BeforeEach
    void start() throws Exception {
        store.add(
                record(600, Severity.INFO, "checkout", "GET /cart 200 12ms").build(),
                record(540, Severity.ERROR, "checkout", "POST /pay 500 payment timeout").trace(TRACE, "00f067aa0ba902b7").build(),
                record(480, Severity.WARN, "checkout", "GET /cart 429 slow down").build(),
                record(420, Severity.INFO, "frontend", "{\"status\":200,\"path\":\"/\",\"took\":\"35ms\"}")
                        .resource("k8s.namespace.name", "shop").build(),
                record(360, Severity.ERROR, "frontend", "{\"status\":502,\"path\":\"/pay\",\"took\":\"2.5s\"}")
                        .resource("k8s.namespace.name", "shop").build());
        startKernel(LokiSettings.defaults());
    }

    @AfterEach
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void saveAndTestRunsVectorOnePlusVectorOne() throws Exception {
        HttpResponse<String> response = get("/loki/api/v1/query", "query", "vector(1)+vector(1)", "time", "4000000000",
                "direction", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode data = json(response).get("data");
        assertThat(json(response).get("status").asText()).isEqualTo("success");
        assertThat(data.get("resultType").asText()).isEqualTo("vector");
        assertThat(data.get("result")).hasSize(1);
        assertThat(data.get("result").get(0).get("metric").size()).isZero();
        // Grafana sends 4 s in nanoseconds; Loki reads integers up to 10^10 as seconds, and so does this API
        assertThat(data.get("result").get(0).get("value").toString()).isEqualTo("[4000000000,\"2\"]");
    }

    @Test
    void exploreLogsComeNewestFirstWithCategorizedLabels() throws Exception {
        HttpResponse<String> response = kernel.send(HttpRequest.newBuilder(uri("/loki/api/v1/query_range",
                        "direction", "backward", "end", nanos(NOW), "limit", "1000", "query", "{service_name=\"checkout\"}",
                        "start", nanos(NOW.minusSeconds(3600)), "step", "2000ms"))
                .header("X-Loki-Response-Encoding-Flags", "categorize-labels")
                .header("X-Query-Tags", "Source=grafana-explore")
                .GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("resultType").asText()).isEqualTo("streams");
        assertThat(data.get("encodingFlags").toString()).isEqualTo("[\"categorize-labels\"]");
        assertThat(data.get("result")).hasSize(1);
        JsonNode stream = data.get("result").get(0);
        assertThat(stream.get("stream").toString()).isEqualTo("{\"service_name\":\"checkout\"}");
        JsonNode values = stream.get("values");
        assertThat(values).hasSize(3);
        assertThat(values.get(0).get(0).asText()).isEqualTo(nanos(NOW.minusSeconds(480)));
        assertThat(values.get(0).get(1).asText()).isEqualTo("GET /cart 429 slow down");
        assertThat(values.get(1).get(2).get("structuredMetadata").toString()).isEqualTo(
                "{\"detected_level\":\"error\",\"span_id\":\"00f067aa0ba902b7\",\"trace_id\":\"" + TRACE + "\"}");
        assertThat(values.get(2).get(1).asText()).isEqualTo("GET /cart 200 12ms");
        assertThat(data.get("stats").get("summary").get("totalEntriesReturned").asLong()).isEqualTo(3);
    }

    @Test
    void withoutTheFlagStreamsHoldEveryLabel() throws Exception {
        HttpResponse<String> response = get("/loki/api/v1/query_range", "query", "{service_name=\"frontend\"} | json | status >= 500",
                "start", "2025-12-31T23:00:00Z", "end", "2026-01-01T00:00:00.000000000Z", "limit", "10", "direction", "FORWARD");

        JsonNode result = json(response).get("data").get("result");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("stream").toString()).isEqualTo("{\"detected_level\":\"error\",\"k8s_namespace_name\":\"shop\","
                + "\"path\":\"/pay\",\"service_name\":\"frontend\",\"status\":\"502\",\"took\":\"2.5s\"}");
        assertThat(result.get(0).get("values").get(0)).hasSize(2);
        assertThat(json(response).get("data").has("encodingFlags")).isFalse();
    }

    @Test
    void theLogsVolumeQueryCountsByLevel() throws Exception {
        HttpResponse<String> response = get("/loki/api/v1/query_range",
                "query", "sum by (level, detected_level) (count_over_time({service_name=\"checkout\"} |= `` | drop __error__[5m]))",
                "start", nanos(NOW.minusSeconds(600)), "end", nanos(NOW), "step", "300000ms");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data.get("resultType").asText()).isEqualTo("matrix");
        // steps at -600 s, -300 s and 0 s; windows (-900,-600], (-600,-300], (-300,0]
        assertThat(data.get("result").toString()).isEqualTo("["
                + "{\"metric\":{\"detected_level\":\"error\"},\"values\":[[1767225300,\"1\"]]},"
                + "{\"metric\":{\"detected_level\":\"info\"},\"values\":[[1767225000,\"1\"]]},"
                + "{\"metric\":{\"detected_level\":\"warn\"},\"values\":[[1767225300,\"1\"]]}]");
    }

    @Test
    void aMetricQueryAtAnInstantIsAVector() throws Exception {
        HttpResponse<String> response = get("/loki/api/v1/query", "query",
                "sum by (service_name) (rate({service_name=~\".+\"} |~ \"(?i)timeout|502\" [10m]))", "time", "1767225600.5");

        // one line in each service over 600 s; the time written as Loki writes it, seconds with their decimals
        assertThat(json(response).get("data").get("resultType").asText()).isEqualTo("vector");
        assertThat(response.body()).contains("\"result\":["
                + "{\"metric\":{\"service_name\":\"checkout\"},\"value\":[1767225600.5,\"0.0016666666666666668\"]},"
                + "{\"metric\":{\"service_name\":\"frontend\"},\"value\":[1767225600.5,\"0.0016666666666666668\"]}]");
    }

    @Test
    void formEncodedPostsWorkLikeGets() throws Exception {
        HttpResponse<String> response = kernel.send(HttpRequest.newBuilder(kernel.uri().resolve("/loki/api/v1/query_range"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("query", "{service_name=\"checkout\"} | trace_id=\"" + TRACE + "\"",
                        "since", "1h", "limit", "5"))));

        JsonNode result = json(response).get("data").get("result");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("values").get(0).get(1).asText()).isEqualTo("POST /pay 500 payment timeout");
    }

    @Test
    void labelPickersListStreamLabels() throws Exception {
        String start = nanos(NOW.minusSeconds(3600));
        String end = nanos(NOW);
        assertThat(get("/loki/api/v1/labels", "start", start, "end", end).body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"k8s_namespace_name\",\"service_name\"]}");
        assertThat(get("/loki/api/v1/label/service_name/values", "start", start, "end", end).body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"checkout\",\"frontend\"]}");
        assertThat(get("/loki/api/v1/label/service_name/values", "start", start, "end", end, "query", "{k8s_namespace_name=\"shop\"}").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"frontend\"]}");
        assertThat(get("/loki/api/v1/label/nothing/values", "start", start, "end", end).body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(get("/loki/api/v1/labels", "start", nanos(NOW.minusSeconds(7200)), "end", nanos(NOW.minusSeconds(3600))).body())
                .isEqualTo("{\"status\":\"success\"}");
        assertThat(get("/loki/api/v1/series", "match[]", "{service_name=~\"check.*\"}", "match[]", "{k8s_namespace_name=\"shop\"}",
                "start", start, "end", end).body())
                .isEqualTo("{\"status\":\"success\",\"data\":[{\"k8s_namespace_name\":\"shop\",\"service_name\":\"frontend\"},"
                        + "{\"service_name\":\"checkout\"}]}");
        assertThat(get("/loki/api/v1/detected_labels", "start", start, "end", end).body()).isEqualTo("{\"detectedLabels\":["
                + "{\"label\":\"k8s_namespace_name\",\"cardinality\":1},{\"label\":\"service_name\",\"cardinality\":2}]}");
    }

    @Test
    void theDefaultRangeIsTheLastHour() throws Exception {
        store.add(record(7200, Severity.INFO, "old", "two hours ago").build());
        assertThat(get("/loki/api/v1/label/service_name/values").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"checkout\",\"frontend\"]}");
        assertThat(get("/loki/api/v1/label/service_name/values", "since", "3h").body())
                .isEqualTo("{\"status\":\"success\",\"data\":[\"checkout\",\"frontend\",\"old\"]}");
    }

    @Test
    void detectedFieldsComeFromMetadataAndTheParsersThatFitTheLines() throws Exception {
        assertThat(get("/loki/api/v1/detected_fields", "query", "{service_name=\"frontend\"}", "since", "1h").body())
                .isEqualTo("{\"fields\":["
                        + "{\"label\":\"detected_level\",\"type\":\"string\",\"cardinality\":2,\"parsers\":null},"
                        + "{\"label\":\"path\",\"type\":\"string\",\"cardinality\":2,\"parsers\":[\"json\"]},"
                        + "{\"label\":\"status\",\"type\":\"int\",\"cardinality\":2,\"parsers\":[\"json\"]},"
                        + "{\"label\":\"took\",\"type\":\"duration\",\"cardinality\":2,\"parsers\":[\"json\"]}],\"limit\":1000}");
        assertThat(get("/loki/api/v1/detected_fields", "query", "{service_name=\"frontend\"} | json | status > 500",
                "line_limit", "5", "limit", "1").body())
                .isEqualTo("{\"fields\":[{\"label\":\"detected_level\",\"type\":\"string\",\"cardinality\":1,\"parsers\":null}],"
                        + "\"limit\":1}");
    }

    @Test
    void indexStatsCountStreamsLinesAndBytes() throws Exception {
        HttpResponse<String> response = get("/loki/api/v1/index/stats", "query", "{service_name=\"checkout\"} |= \"x\"",
                "start", nanos(NOW.minusSeconds(3600)), "end", nanos(NOW));
        // 18 + 29 + 23 bytes
        assertThat(response.body()).isEqualTo("{\"streams\":1,\"chunks\":0,\"bytes\":70,\"entries\":3}");
    }

    @Test
    void formatQueryWritesTheQueryBack() throws Exception {
        assertThat(get("/loki/api/v1/format_query", "query", "sum by(a)(rate({x=\"y\"}|=\"z\"[5m]))").body())
                .isEqualTo("{\"status\":\"success\",\"data\":\"sum by (a)(rate({x=\\\"y\\\"} |= \\\"z\\\" [5m]))\"}");
    }

    @Test
    void refusalsArePlainTextInLokisWords() throws Exception {
        assertError(get("/loki/api/v1/query_range", "query", "{service_name=\"checkout\""), 400,
                "parse error at line 1, col 25: syntax error: unexpected $end, expecting } or ,");
        assertError(get("/loki/api/v1/query_range", "query", "{service_name=~\".*\"}"), 400,
                "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value."
                        + " For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will");
        assertError(get("/loki/api/v1/query", "query", "{service_name=\"checkout\"}"), 400,
                "log queries are not supported as an instant query type, please change your query to a range query type");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "start", "yesterday"), 400,
                "could not parse 'start' parameter: strconv.ParseInt: parsing \"yesterday\": invalid syntax");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "end", "1.x"), 400,
                "could not parse 'end' parameter: strconv.ParseFloat: parsing \"1.x\": invalid syntax");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "since", "1 hour"), 400,
                "could not parse 'since' parameter: unknown unit \" hour\" in duration \"1 hour\"");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "since", "h"), 400,
                "could not parse 'since' parameter: not a valid duration string: \"h\"");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "start", "20", "end", "10"), 400,
                "end timestamp must not be before or equal to start time");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "limit", "0"), 400, "limit must be a positive value");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "limit", "ten"), 400,
                "strconv.Atoi: parsing \"ten\": invalid syntax");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "direction", "up"), 400, "invalid direction 'up'");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "step", "0"), 400,
                "zero or negative query resolution step widths are not accepted. Try a positive integer");
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "step", "1 m"), 400,
                "cannot parse \"1 m\" to a valid duration");
        assertError(get("/loki/api/v1/query_range", "query", "count_over_time({a=\"b\"}[1m])", "start", "0", "end", "11001",
                "step", "1"), 400,
                "exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter");
        assertThat(get("/loki/api/v1/query_range", "query", "count_over_time({a=\"b\"}[1m])", "start", "0", "end", "11000",
                "step", "1").statusCode()).isEqualTo(200);
        assertError(get("/loki/api/v1/query_range", "query", "{a=\"b\"}", "limit", "5001"), 400,
                "max entries limit per query exceeded, limit > max_entries_limit_per_query (5001 > 5000)");
        assertError(get("/loki/api/v1/query_range", "query", "count_over_time({a=\"b\"} | unwrap x [1m])"), 400,
                "unsupported LogQL feature: unwrap");
        assertError(get("/loki/api/v1/series"), 400, "0 matcher groups supplied");
        assertError(get("/loki/api/v1/labels", "query", "{a=\"b\"} |= \"c\""), 400, "only label matchers is supported");
        HttpResponse<String> failed = get("/loki/api/v1/query", "query", "count_over_time({service_name=\"checkout\"} | json [1h])");
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).startsWith("pipeline error: 'JSONParserErr' for series: '{__error__=\"JSONParserErr\"");
    }

    @Test
    void theLimitsAreConfigurable() throws Exception {
        kernel.close();
        startKernel(new LokiSettings(2, 1));

        assertError(get("/loki/api/v1/query_range", "query", "{service_name=\"checkout\"}", "limit", "3"), 400,
                "max entries limit per query exceeded, limit > max_entries_limit_per_query (3 > 2)");
        JsonNode result = json(get("/loki/api/v1/query_range", "query", "{service_name=\"checkout\"}", "limit", "2"))
                .get("data").get("result");
        int lines = 0;
        for (JsonNode stream : result) {
            lines += stream.get("values").size();
        }
        assertThat(lines).isEqualTo(2);
        assertError(get("/loki/api/v1/query", "query", "count_over_time({service_name=~\".+\"}[1h])"), 400,
                "maximum of series (1) reached for a single query");
    }

    private void startKernel(LokiSettings settings) throws Exception {
        kernel = TestKernel.builder().plugin("loki", "1.0.0", () -> new Plugin() {
            @Override
            public void start(PluginContext context) {
                new LokiApi(store, settings, context.clock()).register(context.routes());
            }
        }).start();
        kernel.awaitState("loki", PluginState.ACTIVE, WAIT);
    }

    private static Records record(long secondsAgo, Severity severity, String service, String body) {
        return Records.atNanos(Math.multiplyExact(NOW.minusSeconds(secondsAgo).getEpochSecond(), 1_000_000_000L))
                .service(service).severity(severity).body(body);
    }

    private static String nanos(Instant time) {
        return Long.toString(time.getEpochSecond() * 1_000_000_000L + time.getNano());
    }

    private HttpResponse<String> get(String path, String... params) {
        return kernel.send(HttpRequest.newBuilder(uri(path, params)).GET());
    }

    private java.net.URI uri(String path, String... params) {
        return kernel.uri().resolve(path + (params.length == 0 ? "" : "?" + form(params)));
    }

    private static String form(String... params) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            pairs.add(URLEncoder.encode(params[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo(message);
    }
}
