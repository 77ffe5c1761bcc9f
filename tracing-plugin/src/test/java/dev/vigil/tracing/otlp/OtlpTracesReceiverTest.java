package dev.vigil.tracing.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.testkit.TestKernel;
import dev.vigil.tracing.SpanSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver behind a real kernel's OTLP/HTTP listener, fed by the OpenTelemetry SDK's own exporter and by hand. */
class OtlpTracesReceiverTest {

    private final List<SpanRecord> stored = new CopyOnWriteArrayList<>();
    private volatile boolean storeDown;
    private TestKernel kernel;

    @BeforeEach
    void start() throws Exception {
        SpanSink sink = spans -> {
            if (storeDown) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            stored.addAll(spans);
        };
        Plugin receiver = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.otlpRoutes().add(HttpMethod.POST, "/v1/traces", RouteAccess.PUBLIC,
                        new OtlpTracesReceiver(sink, OtlpTracesSettings.defaults(), new SimpleMeterRegistry()));
                context.otlpRoutes().add(HttpMethod.POST, "/small/v1/traces", RouteAccess.PUBLIC,
                        new OtlpTracesReceiver(sink, new OtlpTracesSettings(true, ByteSize.ofBytes(64)), new SimpleMeterRegistry()));
            }
        };
        kernel = TestKernel.builder().plugin("receiver", "1.0.0", () -> receiver).start();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    @Test
    void spansFromTheOpenTelemetrySdkArriveWithTheirTreeKindStatusEventsLinksResourceAndScope() {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(kernel.otlpUri().resolve("/v1/traces").toString()).build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout",
                        AttributeKey.stringKey("deployment.environment"), "test")))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        Tracer tracer = provider.get("com.example.checkout");
        Span other = tracer.spanBuilder("warm-up").startSpan();
        other.end();
        Span server = tracer.spanBuilder("POST /pay").setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
                .setStartTimestamp(1_700_000_000_000_000_000L, TimeUnit.NANOSECONDS).startSpan();
        Span client;
        try (Scope scope = server.makeCurrent()) {
            client = tracer.spanBuilder("GET /card").setSpanKind(io.opentelemetry.api.trace.SpanKind.CLIENT)
                    .addLink(other.getSpanContext(), Attributes.of(AttributeKey.stringKey("reason"), "retry-of"))
                    .setAttribute(AttributeKey.longKey("http.response.status_code"), 502L)
                    .setAttribute(AttributeKey.booleanKey("retried"), true)
                    .setStartTimestamp(1_700_000_000_100_000_000L, TimeUnit.NANOSECONDS)
                    .startSpan();
            client.addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"),
                    1_700_000_000_150_000_000L, TimeUnit.NANOSECONDS);
            client.setStatus(StatusCode.ERROR, "card service failed");
            client.end(1_700_000_000_200_000_000L, TimeUnit.NANOSECONDS);
        }
        server.setStatus(StatusCode.OK);
        server.end(1_700_000_000_300_000_000L, TimeUnit.NANOSECONDS);
        CompletableResultCode flushed = provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.close();

        assertThat(flushed.isSuccess()).isTrue();
        assertThat(stored).hasSize(3);
        SpanRecord serverRecord = find(server);
        SpanRecord clientRecord = find(client);
        assertThat(serverRecord.traceId()).isEqualTo(server.getSpanContext().getTraceId());
        assertThat(serverRecord.isRoot()).isTrue();
        assertThat(serverRecord.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(serverRecord.status()).isEqualTo(new SpanStatus(SpanStatus.Code.OK, ""));
        assertThat(serverRecord.service()).isEqualTo("checkout");
        assertThat(serverRecord.resource()).containsEntry("deployment.environment", "test");
        assertThat(serverRecord.scope()).isEqualTo("com.example.checkout");
        assertThat(serverRecord.startNanos()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(serverRecord.endNanos()).isEqualTo(1_700_000_000_300_000_000L);

        assertThat(clientRecord.traceId()).isEqualTo(serverRecord.traceId());
        assertThat(clientRecord.parentSpanId()).isEqualTo(server.getSpanContext().getSpanId());
        assertThat(clientRecord.name()).isEqualTo("GET /card");
        assertThat(clientRecord.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(clientRecord.status()).isEqualTo(new SpanStatus(SpanStatus.Code.ERROR, "card service failed"));
        assertThat(clientRecord.attributes()).containsEntry("http.response.status_code", "502").containsEntry("retried", "true");
        assertThat(clientRecord.events()).containsExactly(new SpanRecord.Event(1_700_000_000_150_000_000L, "exception",
                java.util.Map.of("exception.type", "java.io.IOException")));
        assertThat(clientRecord.links()).containsExactly(new SpanRecord.Link(other.getSpanContext().getTraceId(),
                other.getSpanContext().getSpanId(), java.util.Map.of("reason", "retry-of")));
        assertThat(clientRecord.duration()).hasMillis(100);
    }

    @Test
    void otlpJsonGzippedWithHexIdsKeepsEveryField() throws Exception {
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
                 "scopeSpans":[{"scope":{"name":"io.example","version":"1.2"},"spans":[
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
                   "name":"GET /","kind":"SPAN_KIND_PRODUCER","startTimeUnixNano":"1700000000000000001",
                   "endTimeUnixNano":"1700000000000000009","status":{"code":"STATUS_CODE_ERROR","message":"boom"},
                   "attributes":[{"key":"ratio","value":{"doubleValue":0.5}},{"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"a"}]}}}],
                   "events":[{"timeUnixNano":"1700000000000000005","name":"retry"}],
                   "links":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331"}]}]}]}]}
                """;
        HttpResponse<String> response = send("/v1/traces", gzip(json), "application/json", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(stored).singleElement().isEqualTo(new SpanRecord("5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174",
                "eee19b7ec3c1b173", "GET /", SpanKind.PRODUCER, 1_700_000_000_000_000_001L, 1_700_000_000_000_000_009L,
                new SpanStatus(SpanStatus.Code.ERROR, "boom"), java.util.Map.of("service.name", "web"), "io.example",
                java.util.Map.of("ratio", "0.5", "tags", "[\"a\"]"),
                List.of(new SpanRecord.Event(1_700_000_000_000_000_005L, "retry", java.util.Map.of())),
                List.of(new SpanRecord.Link("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", java.util.Map.of()))));
    }

    @Test
    void spansThatCannotBeStoredAreReportedAsAPartialSuccessAndTheOthersKept() throws Exception {
        String json = """
                {"resourceSpans":[{"scopeSpans":[{"spans":[
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"kept",
                   "startTimeUnixNano":"10","endTimeUnixNano":"20"},
                  {"traceId":"5b8efff798038103d269b633813fc60c","name":"no span id"},
                  {"traceId":"00000000000000000000000000000000","spanId":"eee19b7ec3c1b175","name":"zero trace id"},
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b176","name":"backwards",
                   "startTimeUnixNano":"20","endTimeUnixNano":"10"}]}]}]}
                """;
        HttpResponse<String> response = send("/v1/traces", json.getBytes(StandardCharsets.UTF_8), "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rejectedSpans\":\"3\"", "the first: a span without a valid span id (8 bytes, not all zero), named no span id");
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("kept");
            assertThat(s.service()).isEqualTo("unknown_service");
            assertThat(s.kind()).isEqualTo(SpanKind.UNSPECIFIED);
            assertThat(s.status()).isEqualTo(SpanStatus.UNSET);
        });
    }

    @Test
    void aProtobufAnswerCarriesThePartialSuccessToo() throws Exception {
        byte[] body = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                        .addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder()
                                .addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder().setName("no ids"))))
                .build().toByteArray();
        HttpRequest.Builder request = HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        ExportTraceServiceResponse answer = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
        assertThat(stored).isEmpty();
    }

    @Test
    void refusedBodiesGetTheirStatusAndWhatWasStoredStays() throws Exception {
        send("/v1/traces", ("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\","
                + "\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"kept\"}]}]}]}").getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(stored).hasSize(1);

        HttpResponse<String> badJson = send("/v1/traces", "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8), "application/json", null);
        HttpResponse<String> badProto = send("/v1/traces", new byte[] {(byte) 0x0a, (byte) 0xff, 0x01}, "application/x-protobuf", null);
        HttpResponse<String> badGzip = send("/v1/traces", "plain".getBytes(StandardCharsets.UTF_8), "application/json", "gzip");
        HttpResponse<String> badType = send("/v1/traces", "x".getBytes(StandardCharsets.UTF_8), "text/plain", null);
        HttpResponse<String> badEncoding = send("/v1/traces", "x".getBytes(StandardCharsets.UTF_8), "application/json", "br");
        HttpResponse<String> tooLarge = send("/small/v1/traces", gzip("{\"resourceSpans\":[]}" + " ".repeat(100)), "application/json", "gzip");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"code\":3", "not a valid application/json ExportTraceServiceRequest");
        assertThat(badProto.statusCode()).isEqualTo(400);
        assertThat(badGzip.statusCode()).isEqualTo(400);
        assertThat(badType.statusCode()).isEqualTo(415);
        assertThat(badEncoding.statusCode()).isEqualTo(415);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"code\":8");
        assertThat(stored).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("kept"));
    }

    @Test
    void aStoreThatCannotTakeTheBatchGets503SoTheSenderRetries() throws Exception {
        storeDown = true;
        HttpResponse<String> response = send("/v1/traces", ("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":"
                + "\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\"}]}]}]}").getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":14", "disk full");
    }

    private SpanRecord find(Span span) {
        return stored.stream().filter(s -> s.spanId().equals(span.getSpanContext().getSpanId()))
                .min(Comparator.comparing(SpanRecord::name)).orElseThrow();
    }

    private HttpResponse<String> send(String path, byte[] body, String contentType, String contentEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(kernel.otlpUri().resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return kernel.send(request);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
