package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.testkit.TestKernel;
import dev.vigil.tracing.otlp.OtlpTracesReceiver;
import dev.vigil.tracing.otlp.OtlpTracesSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two services instrumented with the OpenTelemetry SDK, a client span calling a server span with {@code traceparent},
 * send OTLP to Vigil; Zipkin's API gives the trace back as one tree and the call as a dependency link.
 */
class OtlpToZipkinTest {

    private static final long START = Instant.parse("2026-11-22T09:59:00Z").toEpochMilli();

    private final InMemoryTraces store = new InMemoryTraces();
    private final ObjectMapper json = new ObjectMapper();
    private TestKernel kernel;

    @BeforeEach
    void start() throws Exception {
        Plugin plugin = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.otlpRoutes().add(HttpMethod.POST, "/v1/traces", RouteAccess.PUBLIC,
                        new OtlpTracesReceiver(store, OtlpTracesSettings.defaults(), new SimpleMeterRegistry()));
                new ZipkinApi(store, store, ZipkinSettings.defaults(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"),
                        java.time.ZoneOffset.UTC), new SimpleMeterRegistry()).register(context.routes());
            }
        };
        kernel = TestKernel.builder().plugin("tracing", "1.0.0", () -> plugin).start();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    @Test
    void aClientCallingAServerComesBackAsOneTreeAndOneLink() throws Exception {
        SdkTracerProvider shop = provider("shop");
        SdkTracerProvider payments = provider("payments");
        Map<String, String> headers = new HashMap<>();
        Span client = shop.get("shop").spanBuilder("POST /charge").setSpanKind(SpanKind.CLIENT)
                .setAttribute(AttributeKey.stringKey("peer.service"), "payments")
                .setStartTimestamp(START, TimeUnit.MILLISECONDS).startSpan();
        try (Scope scope = client.makeCurrent()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
        Context remote = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, new MapGetter());
        Span server = payments.get("payments").spanBuilder("POST /charge").setParent(remote).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(START + 2, TimeUnit.MILLISECONDS).startSpan();
        server.setStatus(StatusCode.ERROR, "card declined");
        server.end(START + 40, TimeUnit.MILLISECONDS);
        client.end(START + 45, TimeUnit.MILLISECONDS);
        assertThat(shop.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(payments.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        shop.close();
        payments.close();

        String traceId = client.getSpanContext().getTraceId();
        JsonNode trace = json.readTree(get("/api/v2/trace/" + traceId).body());
        assertThat(trace).hasSize(2);
        JsonNode clientSpan = trace.get(0);
        JsonNode serverSpan = trace.get(1);
        assertThat(clientSpan.get("traceId").asText()).isEqualTo(traceId);
        assertThat(clientSpan.has("parentId")).isFalse();
        assertThat(clientSpan.get("kind").asText()).isEqualTo("CLIENT");
        assertThat(clientSpan.get("localEndpoint").get("serviceName").asText()).isEqualTo("shop");
        assertThat(clientSpan.get("remoteEndpoint").get("serviceName").asText()).isEqualTo("payments");
        assertThat(clientSpan.get("duration").asLong()).isEqualTo(45_000);
        assertThat(serverSpan.get("parentId").asText()).isEqualTo(client.getSpanContext().getSpanId());
        assertThat(serverSpan.get("id").asText()).isEqualTo(server.getSpanContext().getSpanId());
        assertThat(serverSpan.get("kind").asText()).isEqualTo("SERVER");
        assertThat(serverSpan.get("localEndpoint").get("serviceName").asText()).isEqualTo("payments");
        assertThat(serverSpan.get("timestamp").asLong()).isEqualTo((START + 2) * 1000);
        assertThat(serverSpan.get("tags").get("error").asText()).isEqualTo("card declined");
        assertThat(serverSpan.get("tags").get("otel.scope.name").asText()).isEqualTo("payments");

        assertThat(json.readTree(get("/api/v2/dependencies?endTs=" + (START + 60_000)).body())).isEqualTo(json.readTree(
                "[{\"parent\":\"shop\",\"child\":\"payments\",\"callCount\":1,\"errorCount\":1}]"));
        assertThat(json.readTree(get("/api/v2/traces?serviceName=payments&annotationQuery=error").body()).get(0)).hasSize(2);
    }

    private SdkTracerProvider provider(String service) {
        return SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint(kernel.otlpUri().resolve("/v1/traces").toString()).build()))
                .build();
    }

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path)).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    private static final class MapGetter implements TextMapGetter<Map<String, String>> {
        // still abstract in the interface, so a getter must implement it
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
