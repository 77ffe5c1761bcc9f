package dev.vigil.alerting.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP server standing in for a vendor's API: records every request and answers with scripted replies
 * (200 with an empty body once the script runs out). A reply can hold its answer back until the server closes,
 * to drive a channel's request timeout.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One recorded request. Header names are case-insensitive. */
    public record Request(String method, String path, @Nullable String query, Map<String, String> headers,
            String body) {

        /** The body read as JSON. */
        public JsonNode json() {
            try {
                return Json.read(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the request body is not JSON: " + body, e);
            }
        }

        /** A header's value, or null. */
        public @Nullable String header(String name) {
            return headers.get(name);
        }
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, boolean hangs) {

        /** A reply with a status and a body. */
        public static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        /** A reply with a status, one header and a body. */
        public static Reply of(int status, String header, String value, String body) {
            return new Reply(status, Map.of(header, value), body, false);
        }

        /** No answer until the server closes. */
        public static Reply hanging() {
            return new Reply(200, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply fallback = Reply.of(200, "");

    /** Starts a server on a free loopback port. */
    public RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            URI uri = exchange.getRequestURI();
            requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body));
            Reply reply;
            synchronized (script) {
                reply = script.isEmpty() ? fallback : script.poll();
            }
            if (reply.hangs()) {
                try {
                    closing.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    /** The server's base URL, such as {@code http://127.0.0.1:40123}, plus {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests with {@code replies}, in order. */
    public RecordingHttpServer reply(Reply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    /** Answers the next requests with these statuses and empty bodies. */
    public RecordingHttpServer reply(int... statuses) {
        for (int status : statuses) {
            reply(Reply.of(status, ""));
        }
        return this;
    }

    /** The answer once the script is used up. */
    public RecordingHttpServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    /** The requests so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The only request so far. */
    public Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size() + ": " + requests);
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
