package dev.vigil.metrics;

import static dev.vigil.metrics.PrometheusApiIT.get;
import static dev.vigil.metrics.PrometheusApiIT.postForm;
import static dev.vigil.metrics.PrometheusApiIT.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.TestKernel;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests Grafana's Prometheus data source sends, as its backend and its query editor send them (form
 * posts with Unix seconds, {@code limit=40000} on label lookups, the {@code 1+1} health check), replayed against
 * the metrics plugin from its JAR, checking the parts of each answer that Grafana reads.
 */
class GrafanaRequestsIT {

    /** The limit Grafana's query editor puts on label and series lookups. */
    private static final String GRAFANA_LIMIT = "40000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestKernel kernel;
    private static long end;
    private static String from;
    private static String to;

    @BeforeAll
    static void start() throws Exception {
        kernel = MetricsPluginIT.start("metrics:\n  selfScrapeInterval: 0s\n");
        end = PrometheusApiIT.writeDemoData(MetricsPluginIT.store(kernel));
        // the dashboard's time range, as whole seconds
        from = Long.toString((end - 3_600_000) / 1000);
        to = Long.toString(end / 1000 + 60);
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void saveAndTestFindsAPrometheus() throws Exception {
        // the health check: an instant query of 1+1 at the end of the range 1s..4s
        JsonNode health = success(postForm(kernel, "/api/v1/query", "query", "1+1", "time", "4"));
        assertThat(health.path("data").toString()).isEqualTo("{\"resultType\":\"scalar\",\"result\":[4,\"2\"]}");

        // the heuristics: no "features" in the build info means Prometheus rather than Mimir
        JsonNode build = success(get(kernel, "/api/v1/status/buildinfo")).path("data");
        assertThat(build.path("version").asText()).isNotEmpty();
        assertThat(build.has("features")).isFalse();

        // whether exemplars can be asked for, when the data source starts
        assertThat(success(postForm(kernel, "/api/v1/query_exemplars", "query", "test", "start", from, "end", to)).path("data").isArray()).isTrue();
    }

    @Test
    void theQueryEditorListsMetricsLabelsAndValues() throws Exception {
        assertThat(strings(success(get(kernel, "/api/v1/label/__name__/values", "limit", GRAFANA_LIMIT, "start", from, "end", to))))
                .containsExactly("demo_requests_total", "demo_temperature_celsius");
        assertThat(strings(success(postForm(kernel, "/api/v1/labels", "limit", GRAFANA_LIMIT, "start", from, "end", to))))
                .containsExactly("__name__", "code", "instance", "job", "room");
        assertThat(strings(success(postForm(kernel, "/api/v1/labels", "limit", GRAFANA_LIMIT, "start", from, "end", to,
                "match[]", "demo_requests_total")))).containsExactly("__name__", "code", "instance", "job");
        assertThat(strings(success(get(kernel, "/api/v1/label/instance/values", "limit", GRAFANA_LIMIT, "start", from, "end", to,
                "match[]", "demo_requests_total")))).containsExactly("a", "b");

        JsonNode series = success(postForm(kernel, "/api/v1/series", "start", from, "end", to, "match[]", "{__name__!=\"\"}",
                "limit", GRAFANA_LIMIT)).path("data");
        assertThat(series).hasSize(3);
        for (JsonNode labels : series) {
            assertThat(labels.path("__name__").isTextual()).isTrue();
        }

        JsonNode metadata = success(get(kernel, "/api/v1/metadata")).path("data");
        JsonNode requests = metadata.path("demo_requests_total").path(0);
        assertThat(requests.path("type").asText()).isEqualTo("counter");
        assertThat(requests.path("help").asText()).isEqualTo("Requests served.");
        assertThat(requests.path("unit").asText()).isEmpty();
    }

    @Test
    void aTimeSeriesPanelGetsAMatrixOfRates() throws Exception {
        long stepStart = (end - 10 * 60_000) + 2 * 60_000;
        HttpResponse<String> response = postForm(kernel, "/api/v1/query_range", "query", "rate(demo_requests_total[1m])",
                "start", seconds(stepStart), "end", seconds(end), "step", "15", "timeout", "60s");

        JsonNode data = success(response).path("data");
        assertThat(data.path("resultType").asText()).isEqualTo("matrix");
        JsonNode result = data.path("result");
        assertThat(result).hasSize(2);
        double[] perSecond = {10.0 / 15, 20.0 / 15};
        for (int s = 0; s < 2; s++) {
            JsonNode one = result.path(s);
            assertThat(one.path("metric").path("instance").asText()).isEqualTo(s == 0 ? "a" : "b");
            assertThat(one.path("metric").has("__name__")).as("rate drops the metric name").isFalse();
            JsonNode values = one.path("values");
            assertThat(values).hasSize(33);
            for (JsonNode point : values) {
                assertThat(point.path(0).isNumber()).isTrue();
                assertThat(point.path(1).isTextual()).isTrue();
                assertThat(Double.parseDouble(point.path(1).asText())).isCloseTo(perSecond[s], within(1e-9));
            }
            assertThat(values.path(0).path(0).decimalValue()).isEqualByComparingTo(seconds(stepStart));
        }
    }

    @Test
    void aTablePanelAndATemplateVariable() throws Exception {
        JsonNode table = success(postForm(kernel, "/api/v1/query", "query", "sum by (code) (demo_requests_total)",
                "time", seconds(end), "timeout", "60s")).path("data");
        assertThat(table.path("resultType").asText()).isEqualTo("vector");
        List<String> rows = new ArrayList<>();
        for (JsonNode sample : table.path("result")) {
            rows.add(sample.path("metric").path("code").asText() + "=" + sample.path("value").path(1).asText());
        }
        assertThat(rows).containsExactlyInAnyOrder("200=400", "500=800");

        // label_values(demo_requests_total, code)
        assertThat(strings(success(get(kernel, "/api/v1/label/code/values", "match[]", "demo_requests_total", "start", from, "end", to))))
                .containsExactly("200", "500");
        assertThat(success(postForm(kernel, "/api/v1/query_exemplars", "query", "rate(demo_requests_total[1m])",
                "start", from, "end", to)).path("data").size()).isZero();
    }

    @Test
    void aBrokenQueryShowsPrometheusError() throws Exception {
        HttpResponse<String> response = postForm(kernel, "/api/v1/query_range", "query", "rate(demo_requests_total[1m]",
                "start", from, "end", to, "step", "15");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("errorType").asText()).isEqualTo("bad_data");
        assertThat(body.path("error").asText()).contains("parse error");
    }

    private static JsonNode success(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("success");
        return body;
    }

    private static List<String> strings(JsonNode body) {
        List<String> values = new ArrayList<>();
        body.path("data").forEach(value -> values.add(value.asText()));
        return values;
    }
}
