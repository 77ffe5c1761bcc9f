package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The platform's spans, exported with the Zipkin exporter, arrive in a real Zipkin server and read back through
 * Zipkin's own query API. Runs when the build names the zipkin-server executable JAR in
 * {@value ZipkinServerProcess#JAR_PROPERTY}.
 */
@EnabledIfSystemProperty(named = ZipkinServerProcess.JAR_PROPERTY, matches = ".+")
class RealZipkinServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ZipkinServerProcess zipkin;

    @BeforeAll
    static void startZipkin() throws Exception {
        zipkin = ZipkinServerProcess.start(ZipkinServerProcess.jar().orElseThrow());
    }

    @AfterAll
    static void stopZipkin() {
        if (zipkin != null) {
            zipkin.close();
        }
    }

    @Test
    void thePlatformsSpansAreReadableThroughZipkinsApi() throws Exception {
        // the spans must fall inside Zipkin's default look-back from now, so the clock starts at the real time
        TestingClock clock = new TestingClock(Instant.now());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SdkSettings settings = new SdkSettings("vigil-zipkin-it", Map.of("deployment.environment.name", "it"), SamplerSettings.defaults(),
                BatchSettings.defaults(), List.of(new ExporterSettings.Zipkin(zipkin.spansEndpoint(), Duration.ofSeconds(10))),
                SdkSettings.defaults().propagators());
        Span server;
        Span client;
        try (PlatformTelemetry telemetry = PlatformTelemetry.start(settings, new RecordingSink(), clock, meters)) {
            server = telemetry.tracer().spanBuilder("get /api/orders").setSpanKind(SpanKind.SERVER).startSpan();
            client = telemetry.tracer().spanBuilder("post /charge").setSpanKind(SpanKind.CLIENT).setParent(Context.root().with(server))
                    .setAttribute("peer.service", "payments").setAttribute("http.request.method", "POST").startSpan();
            client.addEvent("sent");
            client.setStatus(StatusCode.ERROR, "payment refused");
            client.end();
            server.end();
            assertThat(telemetry.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(meters.get(SdkAssembly.SPANS_METER).tags("exporter", "zipkin", "outcome", "exported").counter().count())
                .as("Zipkin accepted the spans; its log:\n%s", zipkin.log()).isEqualTo(2);

        String traceId = server.getSpanContext().getTraceId();
        JsonNode trace = Await.until("the trace stored by Zipkin", Duration.ofSeconds(30), () -> get("/api/v2/trace/" + traceId),
                t -> t.isArray() && t.size() == 2);
        List<JsonNode> spans = new ArrayList<>();
        trace.forEach(spans::add);
        spans.forEach(ZipkinExportTest::checkV2Model);
        JsonNode gotServer = byId(spans, server.getSpanContext().getSpanId());
        JsonNode gotClient = byId(spans, client.getSpanContext().getSpanId());
        assertThat(gotServer.get("name").asText()).isEqualTo("get /api/orders");
        assertThat(gotServer.get("kind").asText()).isEqualTo("SERVER");
        assertThat(gotServer.has("parentId")).isFalse();
        assertThat(gotServer.get("localEndpoint").get("serviceName").asText()).isEqualTo("vigil-zipkin-it");
        assertThat(gotServer.get("tags").get("deployment.environment.name").asText()).isEqualTo("it");
        assertThat(gotClient.get("parentId").asText()).isEqualTo(server.getSpanContext().getSpanId());
        assertThat(gotClient.get("kind").asText()).isEqualTo("CLIENT");
        assertThat(gotClient.get("remoteEndpoint").get("serviceName").asText()).isEqualTo("payments");
        assertThat(gotClient.get("tags").get("error").asText()).isEqualTo("payment refused");
        assertThat(gotClient.get("annotations").get(0).get("value").asText()).isEqualTo("sent");
        assertThat(gotClient.get("duration").asLong()).isPositive();

        assertThat(texts(get("/api/v2/services"))).contains("vigil-zipkin-it");
        assertThat(texts(get("/api/v2/spans?serviceName=vigil-zipkin-it"))).contains("get /api/orders", "post /charge");
        assertThat(texts(get("/api/v2/remoteServices?serviceName=vigil-zipkin-it"))).contains("payments");
        JsonNode found = get("/api/v2/traces?serviceName=vigil-zipkin-it&spanName=post%20%2Fcharge&limit=10");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get(0).get("traceId").asText()).isEqualTo(traceId);
    }

    private static JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(zipkin.baseUri() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode byId(List<JsonNode> spans, String id) {
        return spans.stream().filter(s -> s.get("id").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no span " + id));
    }
}
