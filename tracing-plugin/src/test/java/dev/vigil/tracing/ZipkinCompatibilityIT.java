package dev.vigil.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.TestKernel;
import dev.vigil.tracing.sdk.ZipkinServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same Zipkin v2 spans posted to a real Zipkin server and to Vigil: Zipkin's query API must answer alike on both,
 * as Grafana's Zipkin data source and the Zipkin UI read it.
 */
class ZipkinCompatibilityIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final long NOW_MICROS = System.currentTimeMillis() * 1_000L - 60_000_000L;
    static final String T1 = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String T2 = "5cf92f3577b34da6a3ce929d0e0e4737";
    static final String T3 = "00000000000000006a3ce929d0e0e473";

    static ZipkinServerProcess zipkin;
    static TestKernel kernel;

    /** Three traces as instrumentation writes them: shared RPC spans, local spans, remote endpoints, errors, annotations. */
    static String corpus() {
        long t = NOW_MICROS;
        return "[" + String.join(",",
                // trace 1: frontend → backend over HTTP, sharing the RPC span's id (Brave's model); backend calls MySQL
                span(T1, "a000000000000001", null, "GET /checkout", "SERVER", t, 90_000, "frontend", "10.0.0.1", null,
                        "\"tags\":{\"http.method\":\"GET\",\"http.path\":\"/checkout\"}"),
                span(T1, "a000000000000002", "a000000000000001", "get /cart", "CLIENT", t + 5_000, 40_000, "frontend", "10.0.0.1", "backend",
                        "\"annotations\":[{\"timestamp\":" + (t + 6_000) + ",\"value\":\"wire send\"}]"),
                span(T1, "a000000000000002", "a000000000000001", "get /cart", "SERVER", t + 7_000, 35_000, "backend", "10.0.0.2", null,
                        "\"shared\":true,\"tags\":{\"http.status_code\":\"200\"}"),
                span(T1, "a000000000000003", "a000000000000002", "query", "CLIENT", t + 10_000, 20_000, "backend", "10.0.0.2", "mysql",
                        "\"tags\":{\"sql.query\":\"select * from cart\"}"),
                span(T1, "a000000000000004", "a000000000000001", "render", null, t + 50_000, 30_000, "frontend", "10.0.0.1", null,
                        "\"tags\":{\"lc\":\"templating\"}"),
                // trace 2: frontend → payments, failed
                span(T2, "b000000000000001", null, "POST /pay", "SERVER", t + 100_000, 250_000, "frontend", "10.0.0.1", null,
                        "\"tags\":{\"error\":\"payment declined\",\"http.status_code\":\"502\"}"),
                span(T2, "b000000000000002", "b000000000000001", "post /charge", "CLIENT", t + 110_000, 200_000, "frontend", "10.0.0.1",
                        "payments", "\"tags\":{\"error\":\"502\"}"),
                span(T2, "b000000000000003", "b000000000000002", "post /charge", "SERVER", t + 115_000, 190_000, "payments", "10.0.0.3",
                        null, "\"tags\":{\"error\":\"card expired\"}"),
                // trace 3: a 64-bit trace id written as 128 bits, a producer and its consumer
                span(T3, "c000000000000001", null, "send order", "PRODUCER", t + 300_000, 2_000, "backend", "10.0.0.2", "kafka", null),
                span(T3, "c000000000000002", "c000000000000001", "receive order", "CONSUMER", t + 310_000, 5_000, "billing", "10.0.0.4",
                        "kafka", null)) + "]";
    }

    static String span(String traceId, String id, String parentId, String name, String kind, long timestamp, long duration, String service,
            String ip, String remoteService, String extra) {
        StringBuilder json = new StringBuilder("{\"traceId\":\"").append(traceId).append("\",\"id\":\"").append(id).append('"');
        if (parentId != null) {
            json.append(",\"parentId\":\"").append(parentId).append('"');
        }
        json.append(",\"name\":\"").append(name).append('"');
        if (kind != null) {
            json.append(",\"kind\":\"").append(kind).append('"');
        }
        json.append(",\"timestamp\":").append(timestamp).append(",\"duration\":").append(duration)
                .append(",\"localEndpoint\":{\"serviceName\":\"").append(service).append("\",\"ipv4\":\"").append(ip).append("\"}");
        if (remoteService != null) {
            json.append(",\"remoteEndpoint\":{\"serviceName\":\"").append(remoteService).append("\",\"port\":443}");
        }
        if (extra != null) {
            json.append(',').append(extra);
        }
        return json.append('}').toString();
    }

    @BeforeAll
    static void start() throws Exception {
        zipkin = ZipkinServerProcess.start(ZipkinServerProcess.jar().orElseThrow());
        kernel = TestKernel.builder().systemClock().pluginJar(TracingPluginIT.JAR).start();
        kernel.awaitState("tracing", PluginState.ACTIVE, TracingPluginIT.WAIT);
        String spans = corpus();
        assertThat(post(zipkin.baseUri(), spans)).isEqualTo(202);
        assertThat(post(kernel.uri(), spans)).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
        if (zipkin != null) {
            zipkin.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v2/services",
        "/api/v2/spans?serviceName=frontend",
        "/api/v2/spans?serviceName=backend",
        "/api/v2/remoteServices?serviceName=frontend",
        "/api/v2/remoteServices?serviceName=backend",
        "/api/v2/trace/" + T1,
        "/api/v2/trace/" + T2,
        "/api/v2/trace/" + T3,
        "/api/v2/trace/6a3ce929d0e0e473",
        "/api/v2/traceMany?traceIds=" + T1 + "," + T2,
        "/api/v2/traces?limit=10",
        "/api/v2/traces?serviceName=frontend&limit=10",
        "/api/v2/traces?serviceName=backend&spanName=query&limit=10",
        "/api/v2/traces?serviceName=frontend&remoteServiceName=payments&limit=10",
        "/api/v2/traces?annotationQuery=error&limit=10",
        "/api/v2/traces?annotationQuery=http.status_code%3D200&limit=10",
        "/api/v2/traces?annotationQuery=wire%20send&limit=10",
        "/api/v2/traces?minDuration=100000&limit=10",
        "/api/v2/traces?minDuration=10000&maxDuration=50000&limit=10",
        "/api/v2/autocompleteKeys",
        "/api/v2/dependencies?lookback=3600000&endTs=",
    })
    void vigilAnswersAsZipkinDoes(String path) {
        String resolved = path.endsWith("endTs=") ? path + (System.currentTimeMillis() + 60_000) : path;
        JsonNode expected = normalize(get(zipkin.baseUri(), resolved));
        JsonNode actual = normalize(get(kernel.uri(), resolved));
        assertThat(actual).as("%s%nZipkin: %s%nVigil:  %s", resolved, expected, actual).isEqualTo(expected);
    }

    /**
     * Orders what Zipkin leaves unordered (spans within a trace, traces, links and names) and lower-cases span names,
     * in spans and in name lists: Zipkin lower-cases names as it takes them in, Vigil keeps them as sent.
     */
    static JsonNode normalize(JsonNode node) {
        if (node.isTextual()) {
            return JSON.getNodeFactory().textNode(node.asText().toLowerCase(java.util.Locale.ROOT));
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
            if (copy.has("name")) {
                copy.put("name", copy.get("name").asText().toLowerCase(java.util.Locale.ROOT));
            }
            return copy;
        }
        if (!node.isArray()) {
            return node;
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(item -> items.add(normalize(item)));
        items.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode out = JSON.createArrayNode();
        items.forEach(out::add);
        return out;
    }

    static int post(URI base, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v2/spans")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static JsonNode get(URI base, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s%s: %s", base, path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
