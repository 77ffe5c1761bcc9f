package dev.vigil.benchmarks.logs;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic log records for the search benchmark, drawn from a seed: ten services of three pods each, in batches of
 * {@value #BATCH} records of one pod as an OTLP exporter sends them (each batch a little behind the others, so the
 * records are not quite in time order), 5,000 records a second across the services. The records are request lines,
 * SQL and cache debug lines, business events, slow-upstream warnings, errors with stack traces and feature-flag
 * lines, with thread, user, request and session ids and trace ids shared by a few records each. {@value #RARE} appears
 * in a handful of bodies spread over the data; {@value #COMMON} in about 38 % of them. Not thread-safe.
 */
final class LogCorpus {

    /** Records per batch. */
    static final int BATCH = 100;
    /** A word in a handful of bodies. */
    static final String RARE = "zebrafish";
    /** A word in the body of every request line, about 38 % of the records. */
    static final String COMMON = "completed";
    /** The service whose errors are searched. */
    static final String SERVICE = "payment";
    /** Roughly how many bytes a record takes as a JSON line, to spread the rare word over the data. */
    private static final long BYTES_PER_RECORD = 1_100;
    private static final int RARE_RECORDS = 7;
    private static final long NANOS_BETWEEN_RECORDS = 200_000;
    private static final String[] SERVICES = {"checkout", SERVICE, "cart", "inventory", "auth", "gateway", "search",
        "shipping", "notification", "recommendation"};

    private final Random random;
    private final HexFormat hex = HexFormat.of();
    private final List<Map<String, String>> resources = new ArrayList<>();
    private final String[] traces = new String[64];
    private final int[] traceUses = new int[64];
    private final long[] rareBatches = new long[RARE_RECORDS];
    private final long traceBatch;
    private long now;
    private long batches;
    private String wantedTrace = "";

    /**
     * @param seed the seed everything is drawn from
     * @param startNanos the time of the first records
     * @param targetBytes about how many bytes of JSON lines will be drawn, to spread the rare word over them
     */
    LogCorpus(long seed, long startNanos, long targetBytes) {
        this.random = new Random(seed);
        this.now = startNanos;
        for (String service : SERVICES) {
            for (int pod = 0; pod < 3; pod++) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put(LogRecord.SERVICE_NAME, service);
                r.put("service.version", "2.4." + pod);
                r.put("deployment.environment", "production");
                r.put("k8s.namespace.name", "shop");
                r.put("k8s.pod.name", service + "-7d9f8c6b5-" + hex.toHexDigits(random.nextInt()).substring(0, 5));
                r.put("host.name", "node-" + (1 + random.nextInt(12)) + ".eu-west-1.compute.internal");
                resources.add(Collections.unmodifiableMap(r));
            }
        }
        for (int i = 0; i < traces.length; i++) {
            traces[i] = newId(16);
        }
        long expectedBatches = Math.max(1, targetBytes / (BATCH * BYTES_PER_RECORD));
        for (int i = 0; i < RARE_RECORDS; i++) {
            rareBatches[i] = expectedBatches * (i + 1) / (RARE_RECORDS + 1);
        }
        this.traceBatch = expectedBatches / 2;
    }

    /** The trace id searched for: one drawn in the middle of the data; empty until that batch is drawn. */
    String wantedTrace() {
        return wantedTrace;
    }

    /** The time of the latest record drawn so far, give or take a second. */
    long nowNanos() {
        return now;
    }

    /** The next batch: one pod's records in time order, a little behind the batches of the other pods. */
    List<LogRecord> next() {
        Map<String, String> resource = resources.get(random.nextInt(resources.size()));
        String service = resource.get(LogRecord.SERVICE_NAME);
        long lag = (long) (random.nextDouble() * 2e9);
        int rareAt = -1;
        for (long b : rareBatches) {
            if (b == batches) {
                rareAt = random.nextInt(BATCH);
            }
        }
        boolean rememberTrace = batches == traceBatch;
        List<LogRecord> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            now += NANOS_BETWEEN_RECORDS;
            long time = now - lag + random.nextInt(1_000_000);
            out.add(record(time, resource, service, i == rareAt, rememberTrace && i == 0));
        }
        out.sort(Comparator.comparingLong(LogRecord::timeNanos));
        batches++;
        return out;
    }

    private String newId(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return hex.formatHex(b);
    }

    /** A trace id of the pool; each is used for up to six records and then replaced by a new one. */
    private String trace() {
        int k = random.nextInt(traces.length);
        if (++traceUses[k] > 6) {
            traces[k] = newId(16);
            traceUses[k] = 1;
        }
        return traces[k];
    }

    private LogRecord record(long time, Map<String, String> resource, String service, boolean rare, boolean rememberTrace) {
        int kind = random.nextInt(100);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("thread.name", "http-nio-8080-exec-" + (1 + random.nextInt(200)));
        String user = "user-" + random.nextInt(50_000);
        attrs.put("enduser.id", user);
        String requestId = newId(8);
        attrs.put("request.id", requestId);
        attrs.put("session.id", newId(12));
        String trace = random.nextInt(10) == 0 ? "" : trace();
        String span = trace.isEmpty() ? "" : newId(8);
        if (rememberTrace) {
            if (trace.isEmpty()) {
                trace = trace();
                span = newId(8);
            }
            wantedTrace = trace;
        }
        String logger;
        Severity severity;
        String body;
        String order = "ord-" + newId(6);
        if (kind < 38) {
            severity = Severity.INFO;
            logger = "org.springframework.web.servlet.DispatcherServlet";
            String route = pick("/api/v1/orders/{id}", "/api/v1/cart/{id}/items", "/api/v1/products/{id}", "/api/v1/users/{id}/profile",
                    "/api/v1/payments/{id}/capture", "/api/v1/shipments/{id}/tracking");
            String method = pick("GET", "GET", "GET", "POST", "PUT", "DELETE");
            String status = random.nextInt(100) < 93 ? pick("200", "200", "201", "204", "304")
                    : pick("400", "401", "404", "409", "500", "502", "503");
            attrs.put("http.request.method", method);
            attrs.put("http.route", route);
            attrs.put("http.response.status_code", status);
            body = method + " " + route.replace("{id}", Integer.toString(random.nextInt(1_000_000))) + " " + COMMON
                    + " with status " + status + " in " + random.nextInt(900) + " ms (response " + random.nextInt(40_000)
                    + " bytes, client 10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    + ", user agent Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 "
                    + "Safari/537.36, request " + requestId + ")";
        } else if (kind < 55) {
            severity = Severity.DEBUG;
            logger = "org.hibernate.SQL";
            body = "Executed query SELECT o.id, o.status, o.total_amount, o.currency, o.created_at, c.email, c.tier FROM orders o "
                    + "JOIN customers c ON c.id = o.customer_id WHERE o.customer_id = ? AND o.created_at > ? ORDER BY "
                    + "o.created_at DESC LIMIT 50 in " + random.nextInt(40) + " ms, " + random.nextInt(50)
                    + " rows, connection pool hikari-" + service + " (active " + random.nextInt(20) + ", idle "
                    + random.nextInt(10) + ", waiting 0)";
        } else if (kind < 72) {
            severity = Severity.INFO;
            logger = "com.example." + service + ".OrderService";
            body = "Order " + order + " placed by customer " + user + ": " + (1 + random.nextInt(6)) + " items, total "
                    + random.nextInt(500) + "." + random.nextInt(100) + " EUR, payment method " + pick("card", "paypal", "invoice")
                    + ", shipping to " + pick("DE", "FR", "NL", "IT", "ES", "PL") + ", promotion code "
                    + pick("none", "SPRING24", "WELCOME10") + ", fraud score " + random.nextInt(100)
                    + "; reserved stock in warehouse " + pick("FRA-1", "AMS-2", "WAW-1") + " and emitted event order.placed";
        } else if (kind < 80) {
            severity = Severity.DEBUG;
            logger = "com.example.cache.ProductCache";
            body = "Cache miss for key product:" + random.nextInt(200_000) + ":details:v" + random.nextInt(9)
                    + ", loading from inventory service (region eu-west-1, ttl 300 s, size " + random.nextInt(90_000)
                    + " entries, hit ratio 0." + random.nextInt(100) + ")";
        } else if (kind < 92) {
            severity = Severity.WARN;
            logger = "com.example.http.UpstreamClient";
            body = "Slow response from upstream " + pick("payment-provider", "tax-service", "geo-lookup", "fraud-check") + ": "
                    + (1000 + random.nextInt(4000)) + " ms exceeds threshold 1000 ms, retry " + (1 + random.nextInt(3))
                    + " of 3 for request " + requestId + " (circuit breaker " + pick("closed", "half-open") + ", "
                    + random.nextInt(30) + " failures in the last minute)";
        } else if (kind < 98) {
            severity = Severity.ERROR;
            logger = "com.example." + service + ".PaymentProcessor";
            String exception = pick("java.net.SocketTimeoutException: Read timed out",
                    "java.lang.IllegalStateException: order " + order + " is already captured",
                    "org.springframework.dao.DataIntegrityViolationException: duplicate key value violates unique constraint");
            body = "Failed to process payment for order " + order + " of customer " + user + ": " + exception;
            attrs.put("exception.type", exception.substring(0, exception.indexOf(':')));
            attrs.put("exception.message", exception.substring(exception.indexOf(':') + 2));
            attrs.put("exception.stacktrace", exception + "\n\tat com.example." + service + ".PaymentProcessor.capture(PaymentProcessor.java:"
                    + (100 + random.nextInt(200)) + ")\n\tat com.example." + service
                    + ".OrderService.checkout(OrderService.java:87)\n\tat jdk.internal.reflect.GeneratedMethodAccessor"
                    + random.nextInt(300) + ".invoke(Unknown Source)\n\tat org.springframework.web.method.support."
                    + "InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)\n\tat org.apache.catalina.core."
                    + "ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)\n\t... 48 more");
        } else {
            severity = random.nextInt(10) == 0 ? Severity.FATAL : Severity.TRACE;
            logger = "com.example.flags.FeatureFlags";
            body = "Resolved feature flags for tenant t-" + random.nextInt(900) + ": {newCheckout=" + random.nextBoolean()
                    + ", darkMode=" + random.nextBoolean() + ", oneClickBuy=" + random.nextBoolean()
                    + ", recommendationsV2=" + random.nextBoolean() + "} from config revision " + random.nextInt(5000);
        }
        if (rare) {
            body = body + " (unexpected token " + RARE + " in payload)";
        }
        attrs.put("code.namespace", logger);
        attrs.put("code.function", pick("handle", "process", "execute", "capture", "resolve", "load", "doFilter"));
        return new LogRecord(time, severity, severity.name(), body, resource, logger, attrs, trace, span);
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
