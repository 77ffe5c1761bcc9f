package dev.vigil.logging.store;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures the store against {@code grep -c} (not a test): generates about 1 GB of realistic records (ten services,
 * OTLP-sized batches of one service each, slightly out of time order, stack traces on errors), stores them on one
 * thread while writing the same records as JSON lines, then times searches and counts against {@code grep -c} over the
 * JSON file: a rare word, a trace id, a common word, and errors of one service.
 *
 * <p>Run with {@code java -Xmx4g -cp <test classpath> dev.vigil.logging.store.LogStoreSpeed [folder] [megabytes]
 * [--queries-only]}; the last runs the queries again over what an earlier run left in the folder. Each query runs once
 * to warm up, then the best of five runs is reported (of three for grep).
 */
public final class LogStoreSpeed {

    private static final String[] SERVICES = {"checkout", "payment", "cart", "inventory", "auth", "gateway", "search",
        "shipping", "notification", "recommendation"};
    private static final String RARE = "zebrafish";
    private static final String COMMON = "completed";
    private static final int BATCH = 100;

    private final Random random = new Random(20260101);
    private final HexFormat hex = HexFormat.of();
    private final List<Map<String, String>> resources = new ArrayList<>();
    private final String[] traces = new String[64];
    private final int[] traceUses = new int[64];
    private long now = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
    private long records;
    private String wantedTrace = "";

    private LogStoreSpeed() {
        for (String service : SERVICES) {
            for (int pod = 0; pod < 3; pod++) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("service.name", service);
                r.put("service.version", "2.4." + pod);
                r.put("deployment.environment", "production");
                r.put("k8s.namespace.name", "shop");
                r.put("k8s.pod.name", service + "-7d9f8c6b5-" + hex.toHexDigits(random.nextInt()).substring(0, 5));
                r.put("host.name", "node-" + (1 + random.nextInt(12)) + ".eu-west-1.compute.internal");
                resources.add(r);
            }
        }
        for (int i = 0; i < traces.length; i++) {
            traces[i] = newId(16);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/logstore-speed");
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        LogStoreSpeed speed = new LogStoreSpeed();
        if (args.length > 2 && args[2].equals("--queries-only")) {
            speed.wantedTrace = Files.readString(dir.resolve("trace.txt")).strip();
        } else {
            deleteTree(dir);
            Files.createDirectories(dir);
            speed.ingest(dir, megabytes << 20);
            Files.writeString(dir.resolve("trace.txt"), speed.wantedTrace);
        }
        speed.queries(dir);
    }

    private void ingest(Path dir, long targetBytes) throws Exception {
        Path storeDir = dir.resolve("store");
        Path json = dir.resolve("logs.jsonl");
        long storeNanos = 0;
        long jsonBytes = 0;
        long rawBodyBytes = 0;
        int[] rarePlaces = new int[7];
        long expectedBatches = targetBytes / (BATCH * 1100L);
        for (int i = 0; i < rarePlaces.length; i++) {
            rarePlaces[i] = (int) (expectedBatches * (i + 1) / (rarePlaces.length + 1));
        }
        try (LogStore store = LogStore.open(storeDir, LogStoreSettings.defaults(), Clock.systemUTC());
                BufferedWriter out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(4096);
            int batchNumber = 0;
            while (jsonBytes < targetBytes) {
                boolean rare = false;
                for (int p : rarePlaces) {
                    rare |= p == batchNumber;
                }
                List<LogRecord> batch = batch(rare, batchNumber == expectedBatches / 2);
                long t0 = System.nanoTime();
                store.accept(batch);
                storeNanos += System.nanoTime() - t0;
                for (LogRecord r : batch) {
                    line.setLength(0);
                    json(r, line);
                    line.append('\n');
                    out.append(line);
                    jsonBytes += line.length();
                    rawBodyBytes += r.body().length();
                }
                batchNumber++;
                records += batch.size();
            }
        }
        System.out.printf(Locale.ROOT, "records: %,d in batches of %d; JSON lines: %,d bytes (%.0f bytes a record)%n",
                records, BATCH, jsonBytes, (double) jsonBytes / records);
        System.out.printf(Locale.ROOT, "store ingest, one thread: %,.0f records/s, %.0f MB/s of JSON-equivalent "
                + "(accept() time only: %.1f s)%n", records / (storeNanos / 1e9), jsonBytes / 1e6 / (storeNanos / 1e9),
                storeNanos / 1e9);
    }

    private void queries(Path dir) throws Exception {
        Path storeDir = dir.resolve("store");
        Path json = dir.resolve("logs.jsonl");
        long jsonBytes = Files.size(json);

        long opened = System.nanoTime();
        try (LogStore store = LogStore.open(storeDir, LogStoreSettings.defaults(), Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "store on disk: %,d bytes (%.1f%% of the JSON), %d segments; reopened in %d ms%n",
                    store.bytesOnDisk(), 100.0 * store.bytesOnDisk() / jsonBytes, store.segmentCount(),
                    (System.nanoTime() - opened) / 1_000_000);
            LogFilter all = LogFilter.between(Instant.parse("2025-12-31T00:00:00Z"), Instant.parse("2026-01-31T00:00:00Z"));
            for (boolean warm : new boolean[] {false, true}) {
                measured = warm;
                if (warm) {
                    System.out.println("(after one run of each to warm up; best of 5 for the store, of 3 for grep)");
                }
                compareAll(store, json, all);
            }
        }
    }

    private boolean measured;

    private void compareAll(LogStore store, Path json, LogFilter all) throws Exception {
        compare(store, json, "rare word \"" + RARE + "\"", all.withLines(LineFilter.contains(RARE)), RARE);
        compare(store, json, "trace id " + wantedTrace, all.withTraceId(wantedTrace), wantedTrace);
        compare(store, json, "common word \"" + COMMON + "\"", all.withLines(LineFilter.contains(COMMON)), COMMON);
        compare(store, json, "severity=ERROR, service payment", all.withService("payment").withSeverities(Set.of(Severity.ERROR)),
                "\"level\":\"ERROR\",\"service\":\"payment\"");
        compare(store, json, "service payment |= \"timed out\"",
                all.withService("payment").withLines(LineFilter.contains("timed out")), null);
        compare(store, json, "|~ \"status 5\\\\d\\\\d\"", all.withLines(LineFilter.regex("status 5\\d\\d")), null);
    }

    private void compare(LogStore store, Path json, String what, LogFilter filter, String grepFor) throws Exception {
        Duration step = Duration.between(filter.from(), filter.to());
        long[] count = new long[1];
        if (!measured) {
            store.counts(filter, step);
            store.search(LogSearch.newestFirst(filter, 100));
            return;
        }
        double countMs = best(5, () -> {
            LogCounts c = store.counts(filter, step);
            count[0] = c.buckets().stream().mapToLong(LogCounts.Bucket::total).sum();
            return null;
        });
        int[] page = new int[1];
        double newestMs = best(5, () -> {
            LogPage p = store.search(LogSearch.newestFirst(filter, 100));
            page[0] = p.records().size();
            return null;
        });
        System.out.printf(Locale.ROOT, "%-45s store: count %,9d in %8.1f ms; newest 100 (got %3d) in %7.1f ms", what,
                count[0], countMs, page[0], newestMs);
        if (grepFor != null) {
            long[] grepCount = new long[1];
            double grepMs = best(3, () -> {
                grepCount[0] = grep(grepFor, json);
                return null;
            });
            System.out.printf(Locale.ROOT, " | grep -c: %,9d in %8.1f ms (%.1fx the store's count)", grepCount[0], grepMs,
                    grepMs / countMs);
        }
        System.out.println();
    }

    /** The best of some runs, in milliseconds. */
    private static double best(int runs, Supplier<Void> task) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    private static long grep(String text, Path file) {
        try {
            Process p = new ProcessBuilder("grep", "-c", "-F", text, file.toString()).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- realistic records ---

    private String newId(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return hex.formatHex(b);
    }

    private String trace(boolean remember) {
        int k = random.nextInt(traces.length);
        if (++traceUses[k] > 6) {
            traces[k] = newId(16);
            traceUses[k] = 1;
        }
        if (remember && wantedTrace.isEmpty()) {
            wantedTrace = traces[k];
        }
        return traces[k];
    }

    /** A batch of one service's pod, as an OTLP exporter sends it, a little behind the others. */
    private List<LogRecord> batch(boolean rare, boolean rememberTrace) {
        Map<String, String> resource = resources.get(random.nextInt(resources.size()));
        String service = resource.get("service.name");
        long lag = (long) (random.nextDouble() * 2e9);
        List<LogRecord> out = new ArrayList<>(BATCH);
        int rareAt = rare ? random.nextInt(BATCH) : -1;
        for (int i = 0; i < BATCH; i++) {
            now += 200_000; // 5,000 records a second across the services
            long time = now - lag + random.nextInt(1_000_000);
            out.add(record(time, resource, service, i == rareAt, rememberTrace && i == 0));
        }
        out.sort(Comparator.comparingLong(LogRecord::timeNanos));
        return out;
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
        String trace = random.nextInt(10) == 0 ? "" : trace(rememberTrace);
        String span = trace.isEmpty() ? "" : newId(8);
        if (rememberTrace) {
            trace = wantedTrace;
            span = newId(8);
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
            int status = random.nextInt(100) < 93 ? pick(200, 200, 201, 204, 304) : pick(400, 401, 404, 409, 500, 502, 503);
            attrs.put("http.request.method", method);
            attrs.put("http.route", route);
            attrs.put("http.response.status_code", Integer.toString(status));
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

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static void json(LogRecord r, StringBuilder s) {
        s.append("{\"timestamp\":\"").append(r.time()).append("\",\"level\":\"").append(r.severity().name())
                .append("\",\"service\":\"").append(r.service()).append('"');
        for (Map.Entry<String, String> e : r.resource().entrySet()) {
            if (!e.getKey().equals(LogRecord.SERVICE_NAME)) {
                s.append(",\"");
                escape(e.getKey(), s);
                s.append("\":\"");
                escape(e.getValue(), s);
                s.append('"');
            }
        }
        s.append(",\"logger\":\"").append(r.scope()).append("\",\"trace_id\":\"").append(r.traceId())
                .append("\",\"span_id\":\"").append(r.spanId()).append("\",\"message\":\"");
        escape(r.body(), s);
        s.append('"');
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            s.append(",\"");
            escape(e.getKey(), s);
            s.append("\":\"");
            escape(e.getValue(), s);
            s.append('"');
        }
        s.append('}');
    }

    private static void escape(String text, StringBuilder s) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
