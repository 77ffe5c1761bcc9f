package dev.vigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpRequestDecoderTest {

    private static final String TRACE = "5b8efff798038103d269b633813fc60c";
    private static final String SPAN = "eee19b7ec3c1b174";

    private final OtlpRequestDecoder decoder = new OtlpRequestDecoder(1024);

    private static ExportLogsServiceRequest request() {
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(ScopeLogs.newBuilder()
                .addLogRecords(LogRecord.newBuilder()
                        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE)))
                        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN)))))).build();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void protobufPlainAndGzippedDecodeToTheSameRequest() throws Exception {
        byte[] body = request().toByteArray();
        ExportLogsServiceRequest plain = decoder.decode(body, OtlpEncoding.PROTOBUF, null, ExportLogsServiceRequest::newBuilder);
        ExportLogsServiceRequest zipped = decoder.decode(gzip(body), OtlpEncoding.PROTOBUF, "gzip", ExportLogsServiceRequest::newBuilder);
        assertThat(plain).isEqualTo(request()).isEqualTo(zipped);
        LogRecord record = plain.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
        assertThat(OtlpRequestDecoder.hexId(record.getTraceId().toByteArray(), 16, OtlpEncoding.PROTOBUF)).isEqualTo(TRACE);
        assertThat(OtlpRequestDecoder.hexId(record.getSpanId().toByteArray(), 8, OtlpEncoding.PROTOBUF)).isEqualTo(SPAN);
    }

    @Test
    void hexIdsInOtlpJsonComeBackAsTheHexTheySent() throws Exception {
        String json = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN
                + "\",\"body\":{\"stringValue\":\"hi\"},\"futureField\":1}]}]}]}";
        ExportLogsServiceRequest request = decoder.decode(json.getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON, "identity",
                ExportLogsServiceRequest::newBuilder);
        LogRecord record = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
        assertThat(record.getBody().getStringValue()).isEqualTo("hi");
        assertThat(OtlpRequestDecoder.hexId(record.getTraceId().toByteArray(), 16, OtlpEncoding.JSON)).isEqualTo(TRACE);
        assertThat(OtlpRequestDecoder.hexId(record.getSpanId().toByteArray(), 8, OtlpEncoding.JSON)).isEqualTo(SPAN);
        assertThat(OtlpRequestDecoder.hexId(new byte[16], 16, OtlpEncoding.PROTOBUF)).as("all zero: no trace").isEmpty();
        assertThat(OtlpRequestDecoder.hexId(new byte[3], 16, OtlpEncoding.PROTOBUF)).as("wrong length").isEmpty();
    }

    @Test
    void badBodiesAreRefusedWithTheirStatus() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2, 3}, OtlpEncoding.PROTOBUF, "br", ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> decoder.decode(new byte[2048], OtlpEncoding.PROTOBUF, null, ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> decoder.decode(gzip(new byte[4096]), OtlpEncoding.PROTOBUF, "gzip", ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> decoder.decode("not gzip".getBytes(StandardCharsets.UTF_8), OtlpEncoding.PROTOBUF, "gzip",
                ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> decoder.decode("{\"resourceLogs\": 7}".getBytes(StandardCharsets.UTF_8), OtlpEncoding.JSON, null,
                ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("the body is not a valid application/json ExportLogsServiceRequest: ");
                });
        assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0xff, 1}, OtlpEncoding.PROTOBUF, null, ExportLogsServiceRequest::newBuilder))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> assertThat(e.outcome()).isEqualTo("bad_request"));
    }
}
