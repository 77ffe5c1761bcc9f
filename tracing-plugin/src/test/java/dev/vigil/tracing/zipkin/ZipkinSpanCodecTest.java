package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Zipkin v2 JSON mapping, read and written. */
class ZipkinSpanCodecTest {

    private static final long RECEIVED = 1_800_000_000_000_000_000L;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsEveryFieldOfAZipkinSpan() {
        List<SpanRecord> spans = read("""
                [{"traceId":"5af7183fb1d4cf5f","parentId":"6b221d5bc9e6496c","id":"352bff9a74ca9ad2","kind":"SERVER",
                  "name":"get /api","timestamp":1556604172355737,"duration":1431,
                  "localEndpoint":{"serviceName":"backend","ipv4":"192.168.99.1","port":3306},
                  "remoteEndpoint":{"serviceName":"frontend","ipv6":"2001:db8::c001","port":58648},
                  "annotations":[{"timestamp":1556604172355800,"value":"wr"},
                                 {"timestamp":1556604172355900,"value":"\\"exception\\":{\\"exception.type\\":\\"IOException\\",\\"n\\":3}"}],
                  "tags":{"http.method":"GET","http.path":"/api","error":"timeout","otel.scope.name":"brave","clazz":7},
                  "debug":true,"shared":true,"unknown":{"x":[1,2]}}]
                """);

        assertThat(spans).singleElement().isEqualTo(new SpanRecord("00000000000000005af7183fb1d4cf5f", "352bff9a74ca9ad2",
                "6b221d5bc9e6496c", "get /api", SpanKind.SERVER, 1_556_604_172_355_737_000L, 1_556_604_172_357_168_000L,
                new SpanStatus(SpanStatus.Code.ERROR, "timeout"), Map.of("service.name", "backend"), "brave",
                Map.of("http.method", "GET", "http.path", "/api", "clazz", "7",
                        "network.local.address", "192.168.99.1", "network.local.port", "3306",
                        "peer.service", "frontend", "network.peer.address", "2001:db8::c001", "network.peer.port", "58648",
                        "zipkin.debug", "true", "zipkin.shared", "true"),
                List.of(new SpanRecord.Event(1_556_604_172_355_800_000L, "wr", Map.of()),
                        new SpanRecord.Event(1_556_604_172_355_900_000L, "exception", Map.of("exception.type", "IOException", "n", "3"))),
                List.of()));
    }

    @Test
    void aSpanWithNoKindIsLocalAndShortIdsArePadded() {
        SpanRecord span = read("[{\"traceId\":\"a\",\"id\":\"b\",\"parentId\":\"0000000000000000\",\"timestamp\":5}]").get(0);
        assertThat(span.traceId()).isEqualTo("0000000000000000000000000000000a");
        assertThat(span.spanId()).isEqualTo("000000000000000b");
        assertThat(span.isRoot()).isTrue();
        assertThat(span.kind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.name()).isEmpty();
        assertThat(span.service()).isEqualTo("unknown_service");
        assertThat(span.startNanos()).isEqualTo(span.endNanos()).isEqualTo(5000);
    }

    @Test
    void aSpanWithoutTimestampStartsAtItsFirstAnnotationElseWhenReceived() {
        List<SpanRecord> spans = read("""
                [{"traceId":"1","id":"1","annotations":[{"timestamp":30,"value":"b"},{"timestamp":20,"value":"a"}]},
                 {"traceId":"1","id":"2","duration":7}]
                """);
        assertThat(spans.get(0).startNanos()).isEqualTo(20_000);
        assertThat(spans.get(1).startNanos()).isEqualTo(RECEIVED);
        assertThat(spans.get(1).endNanos()).isEqualTo(RECEIVED + 7_000);
    }

    @Test
    void readsTheStatusOpenTelemetryExportersWrite() {
        List<SpanRecord> spans = read("""
                [{"traceId":"1","id":"1","tags":{"otel.status_code":"OK","otel.library.name":"old"}},
                 {"traceId":"1","id":"2","tags":{"otel.status_code":"ERROR","otel.status_description":"bad"}},
                 {"traceId":"1","id":"3","tags":{"otel.status_code":"ERROR","error":"worse"}},
                 {"traceId":"1","id":"4","tags":{"otel.status_code":"UNSET"}}]
                """);
        assertThat(spans).extracting(SpanRecord::status).containsExactly(new SpanStatus(SpanStatus.Code.OK, ""),
                new SpanStatus(SpanStatus.Code.ERROR, "bad"), new SpanStatus(SpanStatus.Code.ERROR, "worse"), SpanStatus.UNSET);
        assertThat(spans.get(0).scope()).isEqualTo("old");
        assertThat(spans.get(0).attributes()).isEmpty();
        assertThat(spans.get(2).attributes()).isEmpty();
        assertThat(spans.get(3).attributes()).containsExactly(Map.entry("otel.status_code", "UNSET"));
    }

    @Test
    void aZipkinSpanReadAndWrittenComesOutAsItWentIn() throws Exception {
        String zipkin = """
                [{"traceId":"5af7183fb1d4cf5f","parentId":"6b221d5bc9e6496c","id":"352bff9a74ca9ad2","kind":"CLIENT",
                  "name":"get /api","timestamp":1556604172355737,"duration":1431,
                  "localEndpoint":{"serviceName":"frontend","ipv4":"192.168.99.1"},
                  "remoteEndpoint":{"serviceName":"backend","ipv4":"172.19.0.2","port":8080},
                  "annotations":[{"timestamp":1556604172355800,"value":"ws"},
                                 {"timestamp":1556604172355801,"value":"\\"log\\":{\\"message\\":\\"a \\\\\\"quote\\\\\\"\\"}"}],
                  "tags":{"error":"","http.path":"/api","otel.scope.name":"s"},"debug":true,"shared":true},
                 {"traceId":"4e441824ec2b6a44ffdc9bb9a6453df3","id":"ffdc9bb9a6453df3","timestamp":1,"duration":1}]
                """;
        byte[] written = ZipkinSpanWriter.writeList(read(zipkin));
        assertThat(json.readTree(written)).isEqualTo(json.readTree(zipkin));
    }

    @Test
    void aSpanWrittenAndReadComesBackWithWhatZipkinCanCarry() {
        SpanRecord span = new SpanRecord("4e441824ec2b6a44ffdc9bb9a6453df3", "ffdc9bb9a6453df3", "ffdc9bb9a6453df2", "GET /orders",
                SpanKind.PRODUCER, 1_700_000_000_123_456_000L, 1_700_000_000_223_456_000L, new SpanStatus(SpanStatus.Code.OK, ""),
                Map.of("service.name", "orders"), "io.opentelemetry.jdbc",
                Map.of("peer.service", "kafka", "network.peer.address", "10.0.0.7", "network.peer.port", "9092", "db.rows", "12",
                        "network.local.address", "::1"),
                List.of(new SpanRecord.Event(1_700_000_000_150_000_000L, "exception", Map.of("exception.message", "x:{y}")),
                        new SpanRecord.Event(1_700_000_000_160_000_000L, "\"quoted\" name", Map.of())),
                List.of());
        assertThat(read(new String(ZipkinSpanWriter.writeList(List.of(span)), StandardCharsets.UTF_8))).containsExactly(span);
    }

    @Test
    void writesWhatZipkinHasNoFieldForAsTagsAndLeavesLinksOut() throws Exception {
        SpanRecord span = new SpanRecord("00000000000000000000000000000001", "0000000000000002", "", "work", SpanKind.INTERNAL,
                1_000_999L, 1_001_000L, new SpanStatus(SpanStatus.Code.ERROR, "boom"), Map.of("service.name", "svc", "host.name", "h1",
                "region", "eu"), "", Map.of("region", "us", "network.peer.address", "db.local"), List.of(),
                List.of(new SpanRecord.Link("00000000000000000000000000000003", "0000000000000004", Map.of())));
        assertThat(json.readTree(ZipkinSpanWriter.writeList(List.of(span)))).isEqualTo(json.readTree("""
                [{"traceId":"0000000000000001","id":"0000000000000002","name":"work","timestamp":1000,"duration":1,
                  "localEndpoint":{"serviceName":"svc"},
                  "tags":{"error":"boom","host.name":"h1","network.peer.address":"db.local","region":"us"}}]
                """));
    }

    @Test
    void writesTracesAsAListOfLists() {
        SpanRecord span = read("[{\"traceId\":\"1\",\"id\":\"1\",\"timestamp\":1}]").get(0);
        assertThat(new String(ZipkinSpanWriter.writeTraces(List.of(List.of(span, span), List.of())), StandardCharsets.UTF_8))
                .isEqualTo("[[{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000001\",\"timestamp\":1},"
                        + "{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000001\",\"timestamp\":1}],[]]");
    }

    @Test
    void anEmptyBodyOrListHasNoSpans() {
        assertThat(read("")).isEmpty();
        assertThat(read(" [ ] ")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAListOfValidSpansInZipkinsWords() {
        assertThatThrownBy(() -> read("{\"traceId\":\"1\"}")).hasMessage("Expected a JSON_V2 encoded list");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"binaryAnnotations\":[]}]"))
                .hasMessage("Expected a JSON_V2 encoded list, but received: JSON_V1");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",")).hasMessage("Malformed reading List<Span> from json");
        assertThatThrownBy(() -> read("[] x")).hasMessage("Malformed reading List<Span> from json");
        assertThatThrownBy(() -> read("[1]")).hasMessage("Expected a span object at $[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\"},{\"id\":\"1\"}]"))
                .hasMessage("Missing traceId at $[1] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\"}]")).hasMessage("Missing id at $[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"ABC\",\"id\":\"1\"}]"))
                .hasMessage("traceId should be lower-hex encoded with no prefix at $[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"11111111111111111\"}]"))
                .hasMessage("id.length > 16 at $[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"000\",\"id\":\"1\"}]"))
                .hasMessage("traceId is all zeros at $[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"kind\":\"LOCAL\"}]"))
                .hasMessage("$[0].kind LOCAL is not one of CLIENT, SERVER, PRODUCER, CONSUMER reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"timestamp\":-1}]"))
                .hasMessage("$[0].timestamp is negative reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"timestamp\":9223372036854776}]"))
                .hasMessage("$[0] timestamp is past the year 2262 reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"annotations\":[{\"value\":\"x\"}]}]"))
                .hasMessage("Incomplete annotation at $[0].annotations[0] reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"tags\":{\"a\":null}}]"))
                .hasMessage("No value at $[0].tags.a reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"tags\":{\"a\":[1]}}]"))
                .hasMessage("$[0].tags.a is not a string reading List<Span> from json");
        assertThatThrownBy(() -> read("[{\"traceId\":\"1\",\"id\":\"1\",\"localEndpoint\":{\"port\":70000}}]"))
                .hasMessage("invalid port 70000 at $[0].localEndpoint reading List<Span> from json");
    }

    @Test
    void tellsIpAddressesFromHostNames() {
        assertThat(IpLiterals.isIpv4("192.168.0.1")).isTrue();
        assertThat(IpLiterals.isIpv4("256.1.1.1")).isFalse();
        assertThat(IpLiterals.isIpv4("1.2.3")).isFalse();
        assertThat(IpLiterals.isIpv4("1.2.3.4.")).isFalse();
        assertThat(IpLiterals.isIpv4("01.2.3.4")).isTrue();
        assertThat(IpLiterals.isIpv6("2001:db8::c001")).isTrue();
        assertThat(IpLiterals.isIpv6("::1")).isTrue();
        assertThat(IpLiterals.isIpv6("::ffff:192.168.0.1")).isTrue();
        assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7")).isFalse();
        assertThat(IpLiterals.isIpv6("1::2::3")).isFalse();
        assertThat(IpLiterals.isIpv6("db.local")).isFalse();
        assertThat(IpLiterals.isIpv6("host:8080x")).isFalse();
    }

    private static List<SpanRecord> read(String text) {
        return ZipkinSpanReader.readList(text.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
