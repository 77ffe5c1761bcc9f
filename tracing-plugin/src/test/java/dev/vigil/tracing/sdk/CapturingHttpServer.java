package dev.vigil.tracing.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/** A real HTTP server on a free loopback port that keeps every request it gets and answers as told. */
final class CapturingHttpServer implements AutoCloseable {

    /** One request: its method, path, headers (names lower-cased) and body (gzip undone). */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile byte[] answer = new byte[0];
    private volatile String answerType = "application/json";

    CapturingHttpServer(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void answer(int status, String contentType, byte[] body) {
        this.answerType = contentType;
        this.answer = body;
        this.status = status;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equals(headers.get("content-encoding"))) {
                body = gunzip(body);
            }
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            }
            byte[] out = answer;
            exchange.getResponseHeaders().set("Content-Type", answerType);
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
