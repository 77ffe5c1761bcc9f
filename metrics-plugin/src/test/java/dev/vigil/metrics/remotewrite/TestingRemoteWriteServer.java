package dev.vigil.metrics.remotewrite;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.api.metrics.Labels;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A remote write endpoint for exporter tests: decodes each request (snappy, then the protobuf read generically
 * with {@link UnknownFieldSet}, independently of Vigil's own decoder) and answers with scripted statuses.
 */
final class TestingRemoteWriteServer implements AutoCloseable {

    /** One decoded request. */
    record Request(Map<String, String> headers, List<Series> series) {
        int samples() {
            return series.stream().mapToInt(s -> s.samples().size()).sum();
        }
    }

    /** One decoded time series. */
    record Series(Labels labels, List<long[]> samples) {}

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    TestingRemoteWriteServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/write", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                requests.add(new Request(headers, decode(body)));
                Answer answer;
                synchronized (script) {
                    answer = script.isEmpty() ? new Answer(204, Map.of()) : script.poll();
                }
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] reply = answer.status() == 204 ? new byte[0] : ("status " + answer.status() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), reply.length == 0 ? -1 : reply.length);
                exchange.getResponseBody().write(reply);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
    }

    /** Answers the next requests with these statuses, then 204. */
    void answer(int... statuses) {
        synchronized (script) {
            for (int status : statuses) {
                script.add(new Answer(status, Map.of()));
            }
        }
    }

    void answer(Answer answer) {
        synchronized (script) {
            script.add(answer);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int samplesReceived() {
        return requests.stream().mapToInt(Request::samples).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<Series> decode(byte[] body) throws InvalidProtocolBufferException {
        byte[] message = new byte[SnappyDecompressor.getUncompressedLength(body, 0)];
        new SnappyDecompressor().decompress(body, 0, body.length, message, 0, message.length);
        UnknownFieldSet request = UnknownFieldSet.parseFrom(message);
        List<Series> series = new ArrayList<>();
        if (!request.hasField(1)) {
            return series;
        }
        for (ByteString ts : request.getField(1).getLengthDelimitedList()) {
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(ts);
            Labels.Builder labels = Labels.builder();
            for (ByteString label : fields.getField(1).getLengthDelimitedList()) {
                UnknownFieldSet l = UnknownFieldSet.parseFrom(label);
                labels.add(l.getField(1).getLengthDelimitedList().get(0).toStringUtf8(), l.getField(2).getLengthDelimitedList().get(0).toStringUtf8());
            }
            List<long[]> samples = new ArrayList<>();
            for (ByteString sample : fields.getField(2).getLengthDelimitedList()) {
                UnknownFieldSet s = UnknownFieldSet.parseFrom(sample);
                long valueBits = s.getField(1).getFixed64List().isEmpty() ? 0 : s.getField(1).getFixed64List().get(0);
                long timestamp = s.getField(2).getVarintList().isEmpty() ? 0 : s.getField(2).getVarintList().get(0);
                samples.add(new long[] {timestamp, valueBits});
            }
            series.add(new Series(labels.build(), samples));
        }
        return series;
    }
}
