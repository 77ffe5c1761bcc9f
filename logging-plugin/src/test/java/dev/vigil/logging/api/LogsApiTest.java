package dev.vigil.logging.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.logging.store.LogStore;
import dev.vigil.logging.store.LogStoreSettings;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log endpoints over a real store, through a real kernel's HTTP server. */
class LogsApiTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TRACE = "5b8efff798038103d269b633813fc60c";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LogStore store;
    private TestKernel kernel;

    private static LogRecord record(int second, String service, Severity severity, String body, String traceId) {
        return new LogRecord(T0.plusSeconds(second).toEpochMilli() * 1_000_000L, severity, severity.name(), body,
                Map.of("service.name", service), "com.example." + service, Map.of("user.id", "u" + second % 3), traceId, "");
    }

    @BeforeEach
    void start() throws Exception {
        store = LogStore.open(dir.resolve("logs"), LogStoreSettings.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record(i, i % 2 == 0 ? "checkout" : "cart", i % 10 == 0 ? Severity.ERROR : Severity.INFO,
                    "request " + i + (i % 10 == 0 ? " failed: timeout" : " ok"), i == 20 ? TRACE : ""));
        }
        store.accept(records);
        LogsApi api = new LogsApi(store, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        Plugin plugin = new Plugin() {
            @Override
            public void start(PluginContext context) {
                api.register(context.routes());
            }

            @Override
            public void stop(PluginContext context) {
                api.close();
            }
        };
        kernel = TestKernel.builder().plugin("logs", "1.0.0", () -> plugin).start();
    }

    @AfterEach
    void stop() {
        kernel.close();
        store.close();
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = kernel.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data");
    }

    @Test
    void searchFiltersAndPagesNewestFirst() throws Exception {
        JsonNode first = get("/api/v1/logs?service=checkout&limit=4");
        assertThat(first.path("records")).hasSize(4);
        assertThat(first.path("records").get(0).path("body").asText()).isEqualTo("request 28 ok");
        assertThat(first.path("records").get(0).path("service").asText()).isEqualTo("checkout");
        assertThat(first.path("records").get(0).path("time").asText()).isEqualTo("2026-11-22T10:00:28Z");

        List<String> bodies = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/logs?service=checkout&limit=4" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("records").forEach(r -> bodies.add(r.path("body").asText()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        assertThat(bodies).hasSize(15).doesNotHaveDuplicates().first().isEqualTo("request 28 ok");

        assertThat(get("/api/v1/logs?level=error&contains=timeout").path("records")).hasSize(3);
        assertThat(get("/api/v1/logs?level=%3E%3Dwarn").path("records")).hasSize(3);
        assertThat(get("/api/v1/logs?trace_id=" + TRACE).path("records")).singleElement()
                .satisfies(r -> assertThat(r.path("traceId").asText()).isEqualTo(TRACE));
        assertThat(get("/api/v1/logs?attr=user.id%3Du1&service=cart").path("records")).hasSize(5);
        assertThat(get("/api/v1/logs?regex=request%202%5B0-9%5D%20ok&direction=forward").path("records").get(0).path("body").asText())
                .isEqualTo("request 21 ok");
        assertThat(get("/api/v1/logs?start=2026-11-22T10:00:10Z&end=2026-11-22T10:00:12Z").path("records")).hasSize(2);
    }

    @Test
    void countsBySeverityPerStep() throws Exception {
        JsonNode counts = get("/api/v1/logs/counts?start=2026-11-22T10:00:00Z&end=2026-11-22T10:00:30Z&step=10s");
        assertThat(counts.path("buckets")).hasSize(3);
        assertThat(counts.path("buckets").get(0).path("start").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(counts.path("buckets").get(0).path("counts").path("error").asLong()).isEqualTo(1);
        assertThat(counts.path("buckets").get(0).path("counts").path("info").asLong()).isEqualTo(9);
        assertThat(counts.path("buckets").get(0).path("total").asLong()).isEqualTo(10);
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThat(kernel.get("/api/v1/logs?limit=0").body()).contains("limit: must be from 1 to 10000");
        assertThat(kernel.get("/api/v1/logs?level=loud").statusCode()).isEqualTo(400);
        assertThat(kernel.get("/api/v1/logs?trace_id=xyz").body()).contains("trace_id: 'xyz' is not 32 hex digits");
        assertThat(kernel.get("/api/v1/logs?start=yesterday").body()).contains("start: cannot read 'yesterday' as a time");
        assertThat(kernel.get("/api/v1/logs?cursor=nonsense").statusCode()).isEqualTo(400);
        assertThat(kernel.get("/api/v1/logs?regex=(").body()).contains("regex: ");
    }

    @Test
    void aLiveTailGetsRecordsStoredAfterItStartsThatItsFilterTakes() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                kernel.uri().resolve("/api/v1/logs/tail?level=error")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo(": tailing");
            assertThat(reader.readLine()).isEmpty();
            store.accept(List.of(record(40, "cart", Severity.INFO, "not this one", ""),
                    record(41, "cart", Severity.ERROR, "this one", "")));
            assertThat(reader.readLine()).isEqualTo("event: log");
            String data = reader.readLine();
            assertThat(data).startsWith("data: ");
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertThat(event.path("body").asText()).isEqualTo("this one");
            assertThat(event.path("severity").asText()).isEqualTo("error");
        }
        Await.until("the tail to end once the client left", Duration.ofSeconds(10),
                () -> kernel.get("/api/v1/logs?limit=1").statusCode(), status -> status == 200);
    }
}
