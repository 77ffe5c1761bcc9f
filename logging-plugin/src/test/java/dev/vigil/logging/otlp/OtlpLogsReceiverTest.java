package dev.vigil.logging.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.logging.LogSink;
import dev.vigil.logging.testing.Tracing;
import dev.vigil.testkit.TestKernel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver behind a real kernel's OTLP/HTTP listener, fed by the OpenTelemetry SDK's own exporter and by hand. */
class OtlpLogsReceiverTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final List<LogRecord> stored = new CopyOnWriteArrayList<>();
    private volatile boolean storeDown;
    private TestKernel kernel;

    @BeforeEach
    void start() throws Exception {
        LogSink sink = records -> {
            if (storeDown) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
            }
            stored.addAll(records);
        };
        Plugin receiver = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.otlpRoutes().add(HttpMethod.POST, "/v1/logs", RouteAccess.PUBLIC, new OtlpLogsReceiver(sink,
                        OtlpLogsSettings.defaults(), text -> text.replace("s3cret", "[secret]"), Clock.fixed(NOW, ZoneOffset.UTC),
                        new SimpleMeterRegistry()));
            }
        };
        kernel = TestKernel.builder().plugin("receiver", "1.0.0", () -> receiver).start();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    @Test
    void recordsFromTheOpenTelemetrySdkArriveWithResourceScopeSeverityAttributesAndSpan() {
        SdkTracerProvider tracing = Tracing.recording();
        OtlpHttpLogRecordExporter exporter = OtlpHttpLogRecordExporter.builder()
                .setEndpoint(kernel.otlpUri().resolve("/v1/logs").toString()).build();
        SdkLoggerProvider logs = SdkLoggerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout",
                        AttributeKey.stringKey("deployment.environment"), "test")))
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .build();
        Span span = tracing.get("test").spanBuilder("pay").startSpan();
        try (Scope scope = span.makeCurrent()) {
            logs.get("com.example.Checkout").logRecordBuilder()
                    .setSeverity(io.opentelemetry.api.logs.Severity.ERROR)
                    .setSeverityText("ERROR")
                    .setBody("payment failed with password s3cret")
                    .setAttribute(AttributeKey.longKey("http.status_code"), 502L)
                    .setTimestamp(1_700_000_000_123L, TimeUnit.MILLISECONDS)
                    .emit();
        } finally {
            span.end();
        }
        CompletableResultCode flushed = logs.forceFlush().join(10, TimeUnit.SECONDS);
        logs.close();
        tracing.close();

        assertThat(flushed.isSuccess()).isTrue();
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("checkout");
            assertThat(r.resource()).containsEntry("deployment.environment", "test");
            assertThat(r.scope()).isEqualTo("com.example.Checkout");
            assertThat(r.severity()).isEqualTo(Severity.ERROR);
            assertThat(r.body()).isEqualTo("payment failed with password [secret]");
            assertThat(r.attributes()).containsEntry("http.status_code", "502");
            assertThat(r.timeNanos()).isEqualTo(1_700_000_000_123_000_000L);
            assertThat(r.traceId()).isEqualTo(span.getSpanContext().getTraceId());
            assertThat(r.spanId()).isEqualTo(span.getSpanContext().getSpanId());
        });
    }

    @Test
    void otlpJsonGzippedWithHexIdsAndNoTimeTakesTheTimeOfReceipt() throws Exception {
        String json = """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
                 "scopeLogs":[{"scope":{"name":"access"},"logRecords":[
                  {"severityText":"warning","body":{"stringValue":"slow"},
                   "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"},
                  {"severityNumber":21,"body":{"kvlistValue":{"values":[{"key":"a","value":{"intValue":"1"}}]}}}]}]}]}
                """;
        HttpResponse<String> response = send(gzip(json), "application/json", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(stored.get(0).severityText()).isEqualTo("warning");
        assertThat(stored.get(0).time()).isEqualTo(NOW);
        assertThat(stored.get(0).traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(stored.get(0).spanId()).isEqualTo("eee19b7ec3c1b174");
        assertThat(stored.get(1).severity()).isEqualTo(Severity.FATAL);
        assertThat(stored.get(1).body()).isEqualTo("{\"a\":1}");
        assertThat(stored.get(1).severityText()).isEmpty();
    }

    @Test
    void malformedBodiesGet400AndWhatWasStoredStays() throws Exception {
        send("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"kept\"}}]}]}]}".getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        assertThat(stored).hasSize(1);

        HttpResponse<String> badJson = send("{\"resourceLogs\": [".getBytes(StandardCharsets.UTF_8), "application/json", null);
        HttpResponse<String> badProto = send(new byte[] {(byte) 0x0a, (byte) 0xff, 0x01}, "application/x-protobuf", null);
        HttpResponse<String> badGzip = send("plain".getBytes(StandardCharsets.UTF_8), "application/json", "gzip");
        HttpResponse<String> badType = send("x".getBytes(StandardCharsets.UTF_8), "text/plain", null);

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"code\":3", "not a valid application/json ExportLogsServiceRequest");
        assertThat(badProto.statusCode()).isEqualTo(400);
        assertThat(badGzip.statusCode()).isEqualTo(400);
        assertThat(badType.statusCode()).isEqualTo(415);
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("kept"));
    }

    @Test
    void aStoreThatCannotTakeTheBatchGets503SoTheSenderRetries() throws Exception {
        storeDown = true;
        HttpResponse<String> response = send("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"x\"}}]}]}]}"
                .getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":14", "disk full");
    }


    private HttpResponse<String> send(byte[] body, String contentType, String contentEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/logs"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return kernel.send(request);
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
