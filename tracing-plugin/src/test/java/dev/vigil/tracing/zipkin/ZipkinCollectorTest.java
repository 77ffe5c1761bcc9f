package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v2/spans} on a real kernel, as a Zipkin tracer sends it. */
class ZipkinCollectorTest {

    private static final String TRACE = """
            [{"traceId":"4e441824ec2b6a44ffdc9bb9a6453df3","id":"ffdc9bb9a6453df3","kind":"SERVER","name":"get /api",
              "timestamp":1795341600000000,"duration":1500,"localEndpoint":{"serviceName":"backend","ipv4":"10.0.0.2","port":8080},
              "remoteEndpoint":{"ipv4":"10.0.0.1"},"tags":{"http.path":"/api","error":"timeout"},"shared":true},
             {"traceId":"4e441824ec2b6a44ffdc9bb9a6453df3","parentId":"ffdc9bb9a6453df3","id":"0000000000000002","name":"query",
              "timestamp":1795341600000100,"duration":900,"localEndpoint":{"serviceName":"backend"},
              "annotations":[{"timestamp":1795341600000200,"value":"retried"}]}]
            """;

    private final ObjectMapper json = new ObjectMapper();
    private ZipkinServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ZipkinServer(new ZipkinSettings(true, ByteSize.ofBytes(4096), Duration.ofDays(1), List.of()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void spansPostedWithoutATokenAreAcceptedAndComeBackAsTheyWereSent() throws Exception {
        HttpResponse<String> response = server.post(bytes(TRACE), "application/json", null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(server.store.all()).hasSize(2);
        SpanRecord first = server.store.all().get(0);
        assertThat(first.service()).isEqualTo("backend");
        assertThat(first.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(first.status().isError()).isTrue();
        assertThat(first.duration()).isEqualTo(Duration.ofNanos(1_500_000));

        HttpResponse<String> read = server.get("/api/v2/trace/4e441824ec2b6a44ffdc9bb9a6453df3");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.readTree(read.body())).isEqualTo(json.readTree(TRACE));
    }

    @Test
    void gzippedBodiesAreReadAndAnyContentTypeIsTakenAsJson() throws Exception {
        assertThat(server.post(gzip(TRACE), "application/json", "gzip").statusCode()).isEqualTo(202);
        assertThat(server.post(bytes(TRACE.replace("ffdc9bb9a6453df3", "ffdc9bb9a6453df4")), null, null).statusCode()).isEqualTo(202);
        assertThat(server.store.all()).hasSize(4);
    }

    @Test
    void anEmptyBodyOrListIsAcceptedAndStoresNothing() {
        assertThat(server.post(new byte[0], "application/json", null).statusCode()).isEqualTo(202);
        assertThat(server.post(bytes("[]"), "application/json", null).statusCode()).isEqualTo(202);
        assertThat(server.store.all()).isEmpty();
    }

    @Test
    void malformedBodiesGet400WithZipkinsKindOfReasonAndNothingOfThemIsStored() throws Exception {
        server.post(bytes(TRACE), "application/json", null);
        String lastSpanBad = TRACE.replace("\"0000000000000002\"", "\"00000000000000020\"");

        HttpResponse<String> truncated = server.post(bytes("[{\"traceId\":\"1\""), "application/json", null);
        HttpResponse<String> badSpan = server.post(bytes(lastSpanBad), "application/json", null);
        HttpResponse<String> notAList = server.post(bytes("{}"), "application/json", null);
        HttpResponse<String> v1 = server.post(bytes("[{\"traceId\":\"1\",\"id\":\"1\",\"binaryAnnotations\":[]}]"), "application/json", null);
        HttpResponse<String> badGzip = server.post(bytes(TRACE), "application/json", "gzip");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).isEqualTo("Malformed reading List<Span> from json");
        assertThat(truncated.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(badSpan.statusCode()).isEqualTo(400);
        assertThat(badSpan.body()).isEqualTo("id.length > 16 at $[1] reading List<Span> from json");
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(notAList.body()).isEqualTo("Expected a JSON_V2 encoded list");
        assertThat(v1.body()).isEqualTo("Expected a JSON_V2 encoded list, but received: JSON_V1");
        assertThat(badGzip.statusCode()).isEqualTo(400);
        assertThat(badGzip.body()).isEqualTo("Cannot gunzip spans");
        assertThat(server.store.all()).hasSize(2);
    }

    @Test
    void encodingsThatAreNotReadGet415() {
        HttpResponse<String> protobuf = server.post(new byte[] {10, 0}, "application/x-protobuf", null);
        HttpResponse<String> thrift = server.post(new byte[] {12, 0}, "application/x-thrift", null);
        HttpResponse<String> deflate = server.post(bytes(TRACE), "application/json", "deflate");

        assertThat(protobuf.statusCode()).isEqualTo(415);
        assertThat(protobuf.body()).contains("send Zipkin v2 JSON");
        assertThat(thrift.statusCode()).isEqualTo(415);
        assertThat(deflate.statusCode()).isEqualTo(415);
        assertThat(server.store.all()).isEmpty();
    }

    @Test
    void aBodyLargerThanTheCapOnceDecompressedGets413() throws Exception {
        String large = "[" + (TRACE.substring(1, TRACE.length() - 2) + ",").repeat(10) + TRACE.substring(1);

        HttpResponse<String> plain = server.post(bytes(large), "application/json", null);
        HttpResponse<String> zipped = server.post(gzip(large), "application/json", "gzip");

        assertThat(plain.statusCode()).isEqualTo(413);
        assertThat(zipped.statusCode()).isEqualTo(413);
        assertThat(zipped.body()).contains("larger than 4096 bytes once decompressed");
        assertThat(server.store.all()).isEmpty();
    }

    @Test
    void aStoreThatCannotTakeTheSpansGets503SoTheTracerRetries() {
        server.store.down(true);
        HttpResponse<String> response = server.post(bytes(TRACE), "application/json", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("disk full");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes(text));
        }
        return out.toByteArray();
    }
}
