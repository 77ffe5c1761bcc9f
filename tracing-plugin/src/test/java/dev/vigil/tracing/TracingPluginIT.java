package dev.vigil.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import dev.vigil.tracing.sdk.ZipkinServerProcess;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tracing plugin from its JAR in a real kernel. */
class TracingPluginIT {

    static final Path JAR = Path.of(System.getProperty("vigil.tracing.jar", "target/vigil-tracing-plugin.jar"));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    private static SdkTracerProvider service(String name, TestKernel kernel) {
        return SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), name)))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint(kernel.otlpUri().resolve("/v1/traces").toString()).build()))
                .build();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Test
    void aTraceAcrossTwoServicesComesBackAsOneTreeThroughVigilsApiAndZipkins() throws Exception {
        try (TestKernel kernel = TestKernel.builder().systemClock().pluginJar(JAR).start()) {
            kernel.awaitState("tracing", PluginState.ACTIVE, WAIT);
            SdkTracerProvider frontend = service("frontend", kernel);
            SdkTracerProvider backend = service("backend", kernel);
            TextMapGetter<Map<String, List<String>>> headers = new TextMapGetter<>() {
                @Override
                @SuppressWarnings("deprecation")
                public Iterable<String> keys(Map<String, List<String>> carrier) {
                    return carrier.keySet();
                }

                @Override
                public String get(Map<String, List<String>> carrier, String key) {
                    return carrier.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(e -> e.getValue().get(0))
                            .findFirst().orElse(null);
                }
            };
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/stock", exchange -> {
                Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange.getRequestHeaders(), headers);
                Span handling = backend.get("backend").spanBuilder("GET /stock").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
                handling.end();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            String traceId;
            try {
                Span root = frontend.get("frontend").spanBuilder("GET /order").setSpanKind(SpanKind.SERVER).startSpan();
                traceId = root.getSpanContext().getTraceId();
                try (Scope scope = root.makeCurrent()) {
                    Span call = frontend.get("frontend").spanBuilder("GET stock").setSpanKind(SpanKind.CLIENT).startSpan();
                    try (Scope inner = call.makeCurrent()) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stock"));
                        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
                        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
                    } finally {
                        call.end();
                    }
                } finally {
                    root.end();
                }
            } finally {
                server.stop(0);
            }
            assertThat(frontend.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            assertThat(backend.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            frontend.close();
            backend.close();

            JsonNode trace = Await.until("the trace in Vigil's API", WAIT, () -> json(kernel.get("/api/v1/traces/" + traceId).body()),
                    t -> t.path("data").path("spans").asInt() == 3).path("data");
            assertThat(trace.path("roots")).hasSize(1);
            JsonNode root = trace.path("roots").get(0);
            assertThat(root.path("service").asText()).isEqualTo("frontend");
            JsonNode client = root.path("children").get(0);
            assertThat(client.path("name").asText()).isEqualTo("GET stock");
            JsonNode handled = client.path("children").get(0);
            assertThat(handled.path("service").asText()).isEqualTo("backend");
            assertThat(handled.path("parentSpanId").asText()).isEqualTo(client.path("spanId").asText());

            JsonNode zipkin = json(kernel.get("/api/v2/trace/" + traceId).body());
            assertThat(zipkin).hasSize(3);
            JsonNode backendSpan = java.util.stream.StreamSupport.stream(zipkin.spliterator(), false)
                    .filter(s -> s.path("localEndpoint").path("serviceName").asText().equals("backend")).findFirst().orElseThrow();
            assertThat(backendSpan.path("parentId").asText()).isEqualTo(client.path("spanId").asText());
        }
    }

    @Test
    void thePlatformsOwnSpansArriveInARealZipkinServer() throws Exception {
        try (ZipkinServerProcess zipkin = ZipkinServerProcess.start(ZipkinServerProcess.jar().orElseThrow());
                TestKernel kernel = TestKernel.builder().systemClock().pluginJar(JAR)
                        .config("tracing:\n  sdk:\n    serviceName: vigil-it\n    exporters:\n      - type: zipkin\n        endpoint: "
                                + zipkin.spansEndpoint() + "\n      - type: store\n").start()) {
            kernel.awaitState("tracing", PluginState.ACTIVE, WAIT);
            assertThat(kernel.get("/api/v1/plugins").statusCode()).isEqualTo(200);

            HttpClient http = HttpClient.newHttpClient();
            JsonNode traces = Await.until("the platform's span in Zipkin", WAIT, () -> {
                try {
                    return json(http.send(HttpRequest.newBuilder(zipkin.baseUri().resolve("/api/v2/traces?serviceName=vigil-it&limit=10")).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, t -> java.util.stream.StreamSupport.stream(t.spliterator(), false).flatMap(trace -> java.util.stream.StreamSupport.stream(trace.spliterator(), false))
                    .anyMatch(s -> s.path("name").asText().equalsIgnoreCase("GET /api/v1/plugins")));
            assertThat(traces).isNotEmpty();
            JsonNode stored = json(kernel.get("/api/v1/traces?service=vigil-it&operation=GET%20/api/v1/plugins").body());
            assertThat(stored.path("data").path("traces")).isNotEmpty();
        }
    }
}
