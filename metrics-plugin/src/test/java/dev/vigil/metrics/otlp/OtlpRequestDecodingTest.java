package dev.vigil.metrics.otlp;

import static dev.vigil.metrics.otlp.OtlpExchanges.post;
import static dev.vigil.metrics.otlp.OtlpExchanges.protobuf;
import static dev.vigil.metrics.otlp.OtlpRequests.T0;
import static dev.vigil.metrics.otlp.OtlpRequests.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.vigil.api.config.ByteSize;
import dev.vigil.metrics.testing.TestingHttpExchange;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.otlp.RpcStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpRequestDecodingTest {

    private static final String JSON_REQUEST = """
            {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}}]},
             "scopeMetrics":[{"scope":{"name":"s"},"metrics":[
              {"name":"orders","unit":"1","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[
               {"timeUnixNano":"%d","asInt":"12","attributes":[{"key":"region","value":{"stringValue":"eu"}}],
                "exemplars":[{"timeUnixNano":"%d","asDouble":1,"traceId":"5b8efff798038103d269b633813fc60c",
                              "spanId":"eee19b7ec3c1b174"}]}]}},
              {"name":"future.field","gauge":{"dataPoints":[{"timeUnixNano":"%d","asDouble":0.5}]},"somethingNew":{"x":1}}
             ]}]}]}
            """.formatted(T0, T0, T0);

    private final TestingMetricStore store = new TestingMetricStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OtlpMetricsReceiver receiver = new OtlpMetricsReceiver(store,
            new OtlpSettings(ByteSize.ofBytes(4096), true, true), meters);

    @Test
    void jsonRequestGetsAJsonResponse() throws Exception {
        TestingHttpExchange exchange = post(JSON_REQUEST.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json; charset=utf-8");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.contentType()).isEqualTo("application/json");
        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
        JsonFormat.parser().merge(exchange.responseText(), response);
        assertThat(response.hasPartialSuccess()).isFalse();
        assertThat(store.seriesNamed("orders_total")).singleElement()
                .satisfies(l -> assertThat(l.asMap()).containsEntry("region", "eu").containsEntry("job", "cart"));
        assertThat(store.seriesNamed("future_field")).hasSize(1);
    }

    @Test
    void gzipRequestIsDecompressed() {
        TestingHttpExchange exchange = post(gzip(sample().toByteArray()))
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "gzip");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(store.seriesNamed("up")).hasSize(1);
    }

    @Test
    void malformedProtobufIs400WithAStatus() throws Exception {
        TestingHttpExchange exchange = post(new byte[] {0x0a, (byte) 0xff, 0x01})
                .header("Content-Type", "application/x-protobuf");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.contentType()).isEqualTo("application/x-protobuf");
        Map<String, Object> status = protobufStatus(exchange.responseBytes());
        assertThat(status).containsEntry("code", 3);
        assertThat((String) status.get("message")).contains("not a valid application/x-protobuf ExportMetricsServiceRequest");
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "bad_request").counter().count()).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400WithAJsonStatus() {
        TestingHttpExchange exchange = post("{\"resourceMetrics\":[{".getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.contentType()).isEqualTo("application/json");
        assertThat(exchange.responseText()).startsWith("{\"code\":3,\"message\":\"the body is not");
    }

    @Test
    void badGzipIs400() throws Exception {
        TestingHttpExchange exchange = post(sample().toByteArray())
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "gzip");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(400);
        assertThat((String) protobufStatus(exchange.responseBytes()).get("message")).contains("not valid gzip");
    }

    @Test
    void bodyLargerThanTheCapOnceDecompressedIs413() throws Exception {
        ExportMetricsServiceRequest.Builder big = ExportMetricsServiceRequest.newBuilder();
        for (int i = 0; i < 200; i++) {
            big.addResourceMetrics(OtlpRequests.resource(gaugeUp(i)));
        }
        byte[] compressed = gzip(big.build().toByteArray());
        assertThat(compressed.length).isLessThan(4096);
        TestingHttpExchange exchange = post(compressed)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "gzip");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(413);
        assertThat((String) protobufStatus(exchange.responseBytes()).get("message")).contains("4096 bytes");
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "too_large").counter().count()).isEqualTo(1);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void uncompressedBodyLargerThanTheCapIs413() {
        TestingHttpExchange exchange = post(new byte[5000]).header("Content-Type", "application/x-protobuf");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(413);
    }

    @Test
    void otherContentTypesAre415() {
        TestingHttpExchange exchange = post("up 1".getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/plain");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(415);
        assertThat(exchange.responseText()).contains("text/plain");
        assertThat(meters.get("vigil.otlp.metrics.requests").tag("outcome", "unsupported_media_type").counter().count()).isEqualTo(1);
    }

    @Test
    void otherContentEncodingsAre415() {
        TestingHttpExchange exchange = post(sample().toByteArray())
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "br");
        receiver.handle(exchange);

        assertThat(exchange.status()).isEqualTo(415);
    }

    @Test
    void aRefusedRequestLosesNothingAlreadyStored() {
        receiver.handle(protobuf(sample().toByteArray()));
        Map<?, ?> before = store.all();
        int commits = store.commits();

        receiver.handle(protobuf(new byte[] {0x0a, (byte) 0xff}));

        assertThat(store.all()).isEqualTo(before);
        assertThat(store.commits()).isEqualTo(commits);
    }

    private static ExportMetricsServiceRequest sample() {
        return OtlpRequests.request(gaugeUp(0));
    }

    private static Metric gaugeUp(int i) {
        return Metric.newBuilder().setName("up").setGauge(Gauge.newBuilder()
                .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T0).setAsDouble(i))).build();
    }

    private static Map<String, Object> protobufStatus(byte[] body) throws InvalidProtocolBufferException {
        Message status = DynamicMessage.parseFrom(RpcStatus.of(0, "").getDescriptorForType(), body);
        Map<String, Object> fields = new java.util.HashMap<>();
        status.getAllFields().forEach((field, value) -> fields.put(field.getName(), value));
        return fields;
    }
}
