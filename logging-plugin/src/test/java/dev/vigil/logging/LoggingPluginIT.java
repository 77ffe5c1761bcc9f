package dev.vigil.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.logging.testing.Tracing;
import dev.vigil.testkit.TestKernel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The logging plugin from its JAR in a real kernel, fed by the OpenTelemetry SDK and by the platform's own logs. */
class LoggingPluginIT {

    static final Path JAR = Path.of(System.getProperty("vigil.logging.jar", "target/vigil-logging-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();


    static TestKernel start(String config) throws Exception {
        return TestKernel.builder().systemClock().pluginJar(JAR).config(config).start();
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not JSON: " + json, e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static JsonNode lokiStreams(TestKernel kernel, String query) throws Exception {
        HttpResponse<String> response = kernel.get("/loki/api/v1/query_range?limit=100&query=" + encode(query)
                + "&start=" + (System.currentTimeMillis() - 3_600_000) * 1_000_000 + "&end=" + (System.currentTimeMillis() + 60_000) * 1_000_000);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).path("data");
        assertThat(data.path("resultType").asText()).isEqualTo("streams");
        return data.path("result");
    }

    @Test
    void recordsFromAnOpenTelemetryAppAreFoundThroughLokiByTextAndByTraceId() throws Exception {
        try (TestKernel kernel = start("")) {
            kernel.awaitState("logging", PluginState.ACTIVE, WAIT);
            SdkTracerProvider tracing = Tracing.recording();
            SdkLoggerProvider logs = SdkLoggerProvider.builder()
                    .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")))
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                            .setEndpoint(kernel.otlpUri().resolve("/v1/logs").toString()).build()))
                    .build();
            Span span = tracing.get("shop").spanBuilder("pay").startSpan();
            try (Scope scope = span.makeCurrent()) {
                logs.get("com.example.Checkout").logRecordBuilder().setSeverity(Severity.WARN)
                        .setBody("payment slow for card 4111 1111 1111 1111").emit();
            } finally {
                span.end();
            }
            logs.get("com.example.Checkout").logRecordBuilder().setSeverity(Severity.INFO).setBody("order placed").emit();
            assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            logs.close();
            tracing.close();
            String traceId = span.getSpanContext().getTraceId();

            JsonNode byText = lokiStreams(kernel, "{service_name=\"checkout\"} |= \"payment\"");
            assertThat(byText).hasSize(1);
            assertThat(byText.get(0).path("stream").path("service_name").asText()).isEqualTo("checkout");
            assertThat(byText.get(0).path("values")).hasSize(1);
            assertThat(byText.get(0).path("values").get(0).get(1).asText()).isEqualTo("payment slow for card [card]");

            JsonNode byTrace = lokiStreams(kernel, "{service_name=\"checkout\"} | trace_id=\"" + traceId + "\"");
            assertThat(byTrace).hasSize(1);
            assertThat(byTrace.get(0).path("values")).hasSize(1);

            JsonNode own = JSON.readTree(kernel.get("/api/v1/logs?service=checkout&trace_id=" + traceId).body()).path("data").path("records");
            assertThat(own).singleElement().satisfies(r -> assertThat(r.path("severity").asText()).isEqualTo("warn"));
        }
    }

    @Test
    void aPlatformLogLineWrittenInASpanCarriesItsIdsInTheJsonFileAndTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.json");
        try (TestKernel kernel = start("logging:\n  output:\n    file:\n      enabled: true\n      path: " + file + "\n")) {
            kernel.awaitState("logging", PluginState.ACTIVE, WAIT);
            SdkTracerProvider tracing = Tracing.recording();
            Span span = tracing.get("test").spanBuilder("work").startSpan();
            try (Scope scope = span.makeCurrent()) {
                LoggerFactory.getLogger("com.example.Work").info("working on order for ops@example.com");
            } finally {
                span.end();
            }
            tracing.close();
            String traceId = span.getSpanContext().getTraceId();

            String line = Await.until("the line in the JSON file", WAIT, () -> lines(file),
                    lines -> lines.stream().anyMatch(l -> l.contains("working on order"))).stream()
                    .filter(l -> l.contains("working on order")).findFirst().orElseThrow();
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("trace_id").asText()).isEqualTo(traceId);
            assertThat(event.path("span_id").asText()).isEqualTo(span.getSpanContext().getSpanId());
            assertThat(event.path("message").asText()).isEqualTo("working on order for [email]");

            JsonNode stored = Await.until("the line in the store", WAIT,
                    () -> tree(kernel.get("/api/v1/logs?trace_id=" + traceId).body()).path("data").path("records"),
                    records -> records.size() == 1);
            assertThat(stored.get(0).path("service").asText()).isEqualTo("vigil");
            assertThat(stored.get(0).path("body").asText()).isEqualTo("working on order for [email]");
        }
    }

    @Test
    void malformedOtlpGets400AndWhatWasStoredStaysSearchable() throws Exception {
        try (TestKernel kernel = start("")) {
            kernel.awaitState("logging", PluginState.ACTIVE, WAIT);
            HttpResponse<String> good = kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/logs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                            + "\"value\":{\"stringValue\":\"billing\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"invoice 7 sent\"}}]}]}]}")));
            assertThat(good.statusCode()).isEqualTo(200);
            for (String bad : new String[] {"{\"resourceLogs\": [", "{\"resourceLogs\": 3}"}) {
                HttpResponse<String> refused = kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/logs"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bad)));
                assertThat(refused.statusCode()).isEqualTo(400);
            }
            HttpResponse<String> badProto = kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/logs"))
                    .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {10, (byte) 200})));
            assertThat(badProto.statusCode()).isEqualTo(400);

            JsonNode streams = lokiStreams(kernel, "{service_name=\"billing\"}");
            assertThat(streams).hasSize(1);
            assertThat(streams.get(0).path("values").get(0).get(1).asText()).isEqualTo("invoice 7 sent");
        }
    }
}
