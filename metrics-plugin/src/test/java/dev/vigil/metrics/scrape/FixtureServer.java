package dev.vigil.metrics.scrape;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A local HTTP server whose {@code /metrics} answer tests change while it runs. */
final class FixtureServer implements AutoCloseable {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** One answer. */
    record Answer(int status, String contentType, String body, boolean gzip, long delayMillis) {
        static Answer text(String body) {
            return new Answer(200, TEXT, body, false, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Answer answer = Answer.text("");
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> {
            Answer a = answer;
            exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.gzip()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(body);
                }
                body = out.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            try {
                exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException e) {
                // The scraper gave up (a timeout test); nothing to answer.
                exchange.close();
            }
        });
        server.start();
    }

    void answer(Answer answer) {
        this.answer = answer;
    }

    void text(String body) {
        answer(Answer.text(body));
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request headers of the last scrape, by lower-case name. */
    Map<String, String> lastHeaders() {
        return Map.copyOf(lastHeaders);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
