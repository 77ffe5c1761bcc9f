package dev.vigil.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tracing and metrics plugins from their JARs in one kernel. A seeded workload of spans arrives over OTLP/HTTP
 * (protobuf, some gzipped) and Zipkin's v2 JSON; the span metrics that PromQL reads back must equal the counts worked
 * out from those spans. Then malformed bodies are refused with 400 and nothing already stored changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpanMetricsIT {

    static final Path METRICS_JAR = Path.of(System.getProperty("vigil.metrics.jar", "target/plugin-jars/vigil-metrics-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    static final String[][] OPERATIONS = {
        {"checkout", "POST /checkout", "SERVER"}, {"checkout", "GET cart", "CLIENT"}, {"checkout", "render", "INTERNAL"},
        {"cart", "GET /cart", "SERVER"}, {"cart", "SELECT items", "CLIENT"}, {"payments", "POST /pay", "SERVER"},
    };
    static final int OTLP_SPANS = 900;
    static final int ZIPKIN_SPANS = 300;

    /** What a span adds to its series, as the workload built it. */
    record Sent(String service, String name, String kind, boolean error, long durationNanos, String traceId) {
        String key() {
            return service + "|" + name + "|SPAN_KIND_" + kind + "|STATUS_CODE_" + (error ? "ERROR" : "UNSET");
        }
    }

    static TestKernel kernel;
    static final List<Sent> SENT = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kernel = TestKernel.builder().systemClock().pluginJar(METRICS_JAR).pluginJar(TracingPluginIT.JAR)
                .config("tracing:\n  spanMetricsInterval: 1s\n").start();
        kernel.awaitState("metrics", PluginState.ACTIVE, WAIT);
        kernel.awaitState("tracing", PluginState.ACTIVE, WAIT);
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    @Order(1)
    void spanMetricsMatchTheCountsOfTheSpansThemselves() throws Exception {
        Random random = new Random(20261122);
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int batch = 0; batch < OTLP_SPANS / 100; batch++) {
            List<Sent> spans = workload(random, 100, now);
            byte[] body = otlp(spans).toByteArray();
            HttpRequest.Builder request = HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/traces"))
                    .header("Content-Type", "application/x-protobuf");
            if (batch % 2 == 1) {
                request.header("Content-Encoding", "gzip");
                body = gzip(body);
            }
            assertThat(kernel.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(200);
            SENT.addAll(spans);
        }
        for (int batch = 0; batch < ZIPKIN_SPANS / 100; batch++) {
            List<Sent> spans = workload(random, 100, now);
            assertThat(kernel.post("/api/v2/spans", zipkin(spans)).statusCode()).isEqualTo(202);
            SENT.addAll(spans);
        }

        Map<String, Long> calls = new TreeMap<>();
        Map<String, Long> under100ms = new TreeMap<>();
        Map<String, Double> seconds = new TreeMap<>();
        for (Sent span : SENT) {
            calls.merge(span.key(), 1L, Long::sum);
            under100ms.merge(span.key(), span.durationNanos() <= 100_000_000L ? 1L : 0L, Long::sum);
            seconds.merge(span.key(), span.durationNanos() / 1e9, Double::sum);
        }
        assertThat(calls.keySet()).as("the workload covers errors and successes").anyMatch(k -> k.endsWith("ERROR")).anyMatch(k -> k.endsWith("UNSET"));

        Map<String, Double> queried = Await.until("span metrics for every span sent", WAIT, () -> series("traces_span_metrics_calls_total"),
                s -> s.values().stream().mapToDouble(Double::doubleValue).sum() == SENT.size());
        assertThat(queried).isEqualTo(asDoubles(calls));
        assertThat(series("traces_span_metrics_duration_seconds_count")).isEqualTo(asDoubles(calls));
        assertThat(series("traces_span_metrics_duration_seconds_bucket{le=\"0.1\"}")).isEqualTo(asDoubles(under100ms));
        Map<String, Double> sums = series("traces_span_metrics_duration_seconds_sum");
        assertThat(sums.keySet()).isEqualTo(seconds.keySet());
        seconds.forEach((key, expected) -> assertThat(sums.get(key)).as(key).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6)));

        Map<String, Double> errorRatio = series("sum by (service_name, span_name, span_kind, status_code) "
                + "(traces_span_metrics_calls_total{status_code=\"STATUS_CODE_ERROR\"})");
        assertThat(errorRatio).isEqualTo(asDoubles(Map.copyOf(calls.entrySet().stream().filter(e -> e.getKey().endsWith("ERROR"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
        assertThat(status().path("spans").asLong()).isEqualTo(SENT.size());
    }

    @Test
    @Order(2)
    void malformedBodiesGet400AndNothingStoredIsLost() throws Exception {
        long stored = Await.until("every span stored", WAIT, () -> status().path("spans").asLong(), n -> n == SENT.size());
        Map<String, Double> metricsBefore = series("traces_span_metrics_calls_total");
        String traceId = SENT.get(0).traceId();
        String traceBefore = kernel.get("/api/v2/trace/" + traceId).body();

        URI otlp = kernel.otlpUri().resolve("/v1/traces");
        byte[] truncated = otlp(workload(new Random(1), 10, System.currentTimeMillis() * 1_000_000L)).toByteArray();
        truncated = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        List<HttpRequest.Builder> bad = List.of(
                HttpRequest.newBuilder(otlp).header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(truncated)),
                HttpRequest.newBuilder(otlp).header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString("not gzip at all")),
                HttpRequest.newBuilder(otlp).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"resourceSpans\":[")),
                HttpRequest.newBuilder(otlp).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceSpans\":[{\"scopeSpans\":\"not a list\"}]}")),
                HttpRequest.newBuilder(kernel.uri().resolve("/api/v2/spans")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[{\"traceId\":")),
                // a good span and a bad one in one body: the whole body is refused
                HttpRequest.newBuilder(kernel.uri().resolve("/api/v2/spans")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[{\"traceId\":\"" + "ab".repeat(16) + "\",\"id\":\"" + "cd".repeat(8)
                                + "\",\"name\":\"good\",\"timestamp\":1,\"duration\":1,\"localEndpoint\":{\"serviceName\":\"late\"}},"
                                + "{\"traceId\":\"nothex\",\"id\":\"" + "ef".repeat(8) + "\"}]")),
                HttpRequest.newBuilder(kernel.uri().resolve("/api/v2/spans")).header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("[]")));
        for (HttpRequest.Builder request : bad) {
            HttpResponse<String> response = kernel.send(request);
            assertThat(response.statusCode()).as("%s → %s", request.build().uri(), response.body()).isEqualTo(400);
            assertThat(response.body()).isNotBlank();
        }

        // a good batch after the bad ones is still taken
        List<Sent> more = workload(new Random(2), 5, System.currentTimeMillis() * 1_000_000L);
        assertThat(kernel.send(HttpRequest.newBuilder(otlp).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(otlp(more).toByteArray()))).statusCode()).isEqualTo(200);
        assertThat(Await.until("the good batch stored", WAIT, () -> status().path("spans").asLong(), n -> n == stored + more.size()))
                .isEqualTo(stored + more.size());
        assertThat(kernel.get("/api/v1/traces?service=late").body()).doesNotContain("\"traceId\"");
        assertThat(kernel.get("/api/v2/trace/" + traceId).body()).isEqualTo(traceBefore);
        Map<String, Double> metricsAfter = Await.until("span metrics with the good batch", WAIT, () -> series("traces_span_metrics_calls_total"),
                s -> s.values().stream().mapToDouble(Double::doubleValue).sum() == SENT.size() + more.size());
        metricsBefore.forEach((key, before) -> assertThat(metricsAfter.get(key)).as(key).isGreaterThanOrEqualTo(before));
    }

    /** {@code count} spans over the operations, each in a trace of its own, ending before {@code nowNanos}. */
    static List<Sent> workload(Random random, int count, long nowNanos) {
        List<Sent> spans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] op = OPERATIONS[random.nextInt(OPERATIONS.length)];
            boolean error = random.nextInt(10) == 0;
            // durations either side of the 0.1 s bucket bound, up to 3 s
            long micros = random.nextBoolean() ? 1 + random.nextInt(100_000) : 100_001 + random.nextInt(2_900_000);
            byte[] id = new byte[16];
            random.nextBytes(id);
            spans.add(new Sent(op[0], op[1], op[2], error, micros * 1_000L, HexFormat.of().formatHex(id)));
        }
        return spans;
    }

    static ExportTraceServiceRequest otlp(List<Sent> spans) {
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        long end = System.currentTimeMillis() * 1_000_000L;
        for (Sent sent : spans) {
            Span.Builder span = Span.newBuilder().setTraceId(ByteString.fromHex(sent.traceId()))
                    .setSpanId(ByteString.fromHex(sent.traceId().substring(0, 16))).setName(sent.name())
                    .setKind(Span.SpanKind.valueOf("SPAN_KIND_" + sent.kind()))
                    .setStartTimeUnixNano(end - sent.durationNanos()).setEndTimeUnixNano(end);
            if (sent.error()) {
                span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("failed"));
            }
            request.addResourceSpans(ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                            .setValue(AnyValue.newBuilder().setStringValue(sent.service()))))
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)));
        }
        return request.build();
    }

    static String zipkin(List<Sent> spans) {
        long endMicros = System.currentTimeMillis() * 1_000L;
        StringBuilder json = new StringBuilder("[");
        for (Sent sent : spans) {
            if (json.length() > 1) {
                json.append(',');
            }
            long micros = sent.durationNanos() / 1_000L;
            json.append("{\"traceId\":\"").append(sent.traceId()).append("\",\"id\":\"").append(sent.traceId(), 0, 16)
                    .append("\",\"name\":\"").append(sent.name()).append('"');
            if (!sent.kind().equals("INTERNAL")) {
                json.append(",\"kind\":\"").append(sent.kind()).append('"');
            }
            json.append(",\"timestamp\":").append(endMicros - micros).append(",\"duration\":").append(micros)
                    .append(",\"localEndpoint\":{\"serviceName\":\"").append(sent.service()).append("\"}");
            if (sent.error()) {
                json.append(",\"tags\":{\"error\":\"failed\"}");
            }
            json.append('}');
        }
        return json.append(']').toString();
    }

    /** An instant PromQL query's series, keyed as {@link Sent#key()}. */
    static Map<String, Double> series(String query) {
        JsonNode body = json(kernel.get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
        assertThat(body.path("status").asText()).as(body.toString()).isEqualTo("success");
        Map<String, Double> out = new TreeMap<>();
        for (JsonNode result : body.path("data").path("result")) {
            JsonNode metric = result.path("metric");
            out.put(metric.path("service_name").asText() + "|" + metric.path("span_name").asText() + "|" + metric.path("span_kind").asText()
                    + "|" + metric.path("status_code").asText(), Double.parseDouble(result.path("value").get(1).asText()));
        }
        return out;
    }

    static JsonNode status() {
        return json(kernel.get("/api/v1/tracing/status").body()).path("data");
    }

    static Map<String, Double> asDoubles(Map<String, Long> counts) {
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }
}
