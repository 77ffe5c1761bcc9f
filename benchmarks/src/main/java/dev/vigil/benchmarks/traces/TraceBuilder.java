package dev.vigil.benchmarks.traces;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.benchmarks.traces.Shop.Instance;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * One trace being drawn: its id, the spans made so far, and the kinds of call the shop's services make, each with
 * the attributes OpenTelemetry's Java instrumentation gives it (HTTP server and client pairs, SQL, Redis, Kafka,
 * in-process work). A call is timed from its children up: the work inside it runs first, and its span ends a little
 * after the last child. Spans are added as they end, as an SDK exports them. Not thread-safe.
 */
final class TraceBuilder {

    private static final String HTTP_SERVER_SCOPE = "io.opentelemetry.jetty-12.0";
    private static final String HTTP_CLIENT_SCOPE = "io.opentelemetry.java-http-client";
    private static final String JDBC_SCOPE = "io.opentelemetry.jdbc";
    private static final String REDIS_SCOPE = "io.opentelemetry.lettuce-5.1";
    private static final String KAFKA_SCOPE = "io.opentelemetry.kafka-clients-2.6";
    private static final long MICRO = 1_000;

    private final SplittableRandom random;
    private final HexFormat hex = HexFormat.of();
    private final String traceId;
    private final List<SpanRecord> spans = new ArrayList<>();

    /**
     * How a piece of work ended.
     *
     * @param end when, in nanoseconds since the epoch
     * @param status the HTTP status it answers with (200 when it is not a request)
     * @param error why it failed, or null when it did not
     */
    record Outcome(long end, int status, @Nullable String error) {
        static Outcome ok(long end) {
            return new Outcome(end, 200, null);
        }

        boolean failed() {
            return error != null;
        }
    }

    /** What a service does with a request: the work under {@code parentSpanId}, from {@code start}. */
    interface Work {
        Outcome run(String parentSpanId, long start);
    }

    TraceBuilder(SplittableRandom random) {
        this.random = requireNonNull(random, "random is null");
        this.traceId = hex.toHexDigits(random.nextLong() | 1L) + hex.toHexDigits(random.nextLong());
    }

    /** The spans drawn, in the order they ended. */
    List<SpanRecord> spans() {
        return spans;
    }

    SplittableRandom random() {
        return random;
    }

    /** A request from a browser to {@code frontend}: the trace's root span. */
    Outcome root(Instance frontend, long start, String method, String route, String path, Work work) {
        String id = spanId();
        Outcome done = work.run(id, start + micros(20, 120));
        long end = done.end() + micros(30, 400);
        Map<String, String> attributes = serverAttributes(frontend, method, route, path, done.status());
        attributes.put("client.address", (random.nextInt(1, 223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
        attributes.put("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1"
                + random.nextInt(20, 40) + ".0.0.0 Safari/537.36");
        add(frontend, HTTP_SERVER_SCOPE, id, "", method + " " + route, SpanKind.SERVER, start, end, serverStatus(done), attributes, List.of());
        return new Outcome(end, done.status(), done.error());
    }

    /** An HTTP call from {@code caller} to an instance of {@code service}: a client span and the server span under it. */
    Outcome http(Instance caller, String parentId, long start, Instance callee, String method, String route, String path, Work work) {
        String clientId = spanId();
        String serverId = spanId();
        long serverStart = start + micros(150, 600);
        Outcome done = work.run(serverId, serverStart + micros(10, 80));
        long serverEnd = done.end() + micros(20, 150);
        long clientEnd = serverEnd + micros(150, 600);
        add(callee, HTTP_SERVER_SCOPE, serverId, clientId, method + " " + route, SpanKind.SERVER, serverStart, serverEnd,
                serverStatus(done), serverAttributes(callee, method, route, path, done.status()), List.of());
        Map<String, String> client = new LinkedHashMap<>();
        client.put("http.request.method", method);
        client.put("url.full", "http://" + callee.service() + ":" + callee.port() + path);
        client.put("server.address", callee.service());
        client.put("server.port", Integer.toString(callee.port()));
        client.put("http.response.status_code", Integer.toString(done.status()));
        client.put("network.protocol.version", "1.1");
        client.put("peer.service", callee.service());
        client.put("network.peer.address", callee.address());
        client.put("network.peer.port", Integer.toString(callee.port()));
        SpanStatus status = done.status() >= 400 ? new SpanStatus(SpanStatus.Code.ERROR, "") : SpanStatus.UNSET;
        add(caller, HTTP_CLIENT_SCOPE, clientId, parentId, method, SpanKind.CLIENT, start, clientEnd, status, client, List.of());
        return new Outcome(clientEnd, done.status(), done.error());
    }

    /** A call to a service outside the shop, answering {@code status}, slow, failing with {@code error} if not null. */
    Outcome external(Instance caller, String parentId, long start, String peer, String method, String url, int status, @Nullable String error) {
        long end = start + millis(80, 450);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("http.request.method", method);
        attributes.put("url.full", url);
        attributes.put("server.address", url.replaceFirst("https?://", "").replaceFirst("/.*", ""));
        attributes.put("server.port", "443");
        attributes.put("http.response.status_code", Integer.toString(status));
        attributes.put("peer.service", peer);
        List<SpanRecord.Event> events = List.of();
        SpanStatus spanStatus = SpanStatus.UNSET;
        if (error != null) {
            attributes.put("error.type", Integer.toString(status));
            spanStatus = new SpanStatus(SpanStatus.Code.ERROR, error);
            events = List.of(Exceptions.event(random, end - micros(5, 50), "java.io.IOException", error));
        }
        add(caller, HTTP_CLIENT_SCOPE, spanId(), parentId, method, SpanKind.CLIENT, start, end, spanStatus, attributes, events);
        return new Outcome(end, error == null ? 200 : 502, error);
    }

    /** A SQL statement against PostgreSQL; with {@code error} it times out. */
    Outcome sql(Instance caller, String parentId, long start, String operation, String table, String query, @Nullable String error) {
        long end = start + (error != null ? millis(2_000, 2_100) : logNormalMicros(1_800, 0.9));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("db.system.name", "postgresql");
        attributes.put("db.namespace", "shop");
        attributes.put("db.operation.name", operation);
        attributes.put("db.collection.name", table);
        attributes.put("db.query.text", query);
        attributes.put("server.address", "postgres-primary");
        attributes.put("server.port", "5432");
        attributes.put("peer.service", "postgres");
        List<SpanRecord.Event> events = List.of();
        SpanStatus status = SpanStatus.UNSET;
        if (error != null) {
            attributes.put("error.type", "org.postgresql.util.PSQLException");
            attributes.put("db.response.status_code", "57014");
            status = new SpanStatus(SpanStatus.Code.ERROR, error);
            events = List.of(Exceptions.event(random, end, "org.postgresql.util.PSQLException", error));
        }
        add(caller, JDBC_SCOPE, spanId(), parentId, operation + " shop." + table, SpanKind.CLIENT, start, end, status, attributes, events);
        return new Outcome(end, error == null ? 200 : 503, error);
    }

    /** A Redis command. */
    Outcome redis(Instance caller, String parentId, long start, String command, String key) {
        long end = start + micros(90, 900);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("db.system.name", "redis");
        attributes.put("db.operation.name", command);
        attributes.put("db.query.text", command + " " + key);
        attributes.put("db.namespace", "0");
        attributes.put("server.address", "redis");
        attributes.put("server.port", "6379");
        attributes.put("peer.service", "redis");
        add(caller, REDIS_SCOPE, spanId(), parentId, command, SpanKind.CLIENT, start, end, SpanStatus.UNSET, attributes, List.of());
        return Outcome.ok(end);
    }

    /** A Kafka message sent by {@code producer} and processed by {@code consumer} in the same trace. */
    Outcome message(Instance producer, String parentId, long start, Instance consumer, String topic, String key, Work processing) {
        String sendId = spanId();
        long sent = start + micros(300, 2_500);
        Map<String, String> send = messaging(topic, key, "send");
        add(producer, KAFKA_SCOPE, sendId, parentId, topic + " publish", SpanKind.PRODUCER, start, sent, SpanStatus.UNSET, send, List.of());
        String processId = spanId();
        long received = sent + millis(2, 40);
        Outcome done = processing.run(processId, received + micros(20, 200));
        Map<String, String> process = messaging(topic, key, "process");
        process.put("messaging.consumer.group.name", consumer.service());
        process.put("messaging.kafka.offset", Long.toString(random.nextLong(1_000_000, 90_000_000)));
        add(consumer, KAFKA_SCOPE, processId, sendId, topic + " process", SpanKind.CONSUMER, received, done.end() + micros(10, 90),
                done.failed() ? new SpanStatus(SpanStatus.Code.ERROR, requireNonNull(done.error())) : SpanStatus.UNSET, process, List.of());
        return Outcome.ok(sent);
    }

    /** Work inside a service, with its own attributes and optional work under it. */
    Outcome internal(Instance who, String parentId, long start, String name, Map<String, String> attributes, @Nullable Work work) {
        String id = spanId();
        Outcome done = work == null ? Outcome.ok(start + logNormalMicros(600, 0.8)) : work.run(id, start + micros(5, 40));
        long end = done.end() + micros(5, 60);
        add(who, "shop." + who.service(), id, parentId, name, SpanKind.INTERNAL, start, end,
                done.failed() ? new SpanStatus(SpanStatus.Code.ERROR, requireNonNull(done.error())) : SpanStatus.UNSET,
                new LinkedHashMap<>(attributes), List.of());
        return new Outcome(end, done.status(), done.error());
    }

    private Map<String, String> messaging(String topic, String key, String operation) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("messaging.system", "kafka");
        attributes.put("messaging.destination.name", topic);
        attributes.put("messaging.operation.type", operation);
        attributes.put("messaging.kafka.message.key", key);
        attributes.put("messaging.destination.partition.id", Integer.toString(random.nextInt(12)));
        attributes.put("server.address", "kafka-" + random.nextInt(3));
        attributes.put("peer.service", "kafka");
        return attributes;
    }

    private static Map<String, String> serverAttributes(Instance server, String method, String route, String path, int status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("http.request.method", method);
        attributes.put("http.route", route);
        attributes.put("url.path", path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        if (path.contains("?")) {
            attributes.put("url.query", path.substring(path.indexOf('?') + 1));
        }
        attributes.put("url.scheme", "http");
        attributes.put("http.response.status_code", Integer.toString(status));
        attributes.put("server.address", server.service());
        attributes.put("server.port", Integer.toString(server.port()));
        attributes.put("network.protocol.version", "1.1");
        attributes.put("network.local.address", server.address());
        return attributes;
    }

    /** A server span is an error only for a 5xx answer, as OpenTelemetry's conventions say. */
    private static SpanStatus serverStatus(Outcome done) {
        return done.status() >= 500 ? new SpanStatus(SpanStatus.Code.ERROR, done.error() == null ? "" : done.error()) : SpanStatus.UNSET;
    }

    private void add(Instance who, String scope, String id, String parentId, String name, SpanKind kind, long start, long end,
            SpanStatus status, Map<String, String> attributes, List<SpanRecord.Event> events) {
        spans.add(new SpanRecord(traceId, id, parentId, name, kind, start, end, status, who.resource(), scope, attributes, events, List.of()));
    }

    private String spanId() {
        return hex.toHexDigits(random.nextLong() | 1L);
    }

    long micros(int from, int to) {
        return random.nextLong(from, to) * MICRO;
    }

    long millis(int from, int to) {
        return random.nextLong(from * MICRO, to * MICRO) * MICRO;
    }

    /** A duration around {@code medianMicros}, with the long right tail latencies have. */
    long logNormalMicros(double medianMicros, double sigma) {
        return Math.max(MICRO, (long) (medianMicros * Math.exp(sigma * random.nextGaussian()) * MICRO));
    }
}
