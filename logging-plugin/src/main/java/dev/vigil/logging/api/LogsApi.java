package dev.vigil.logging.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.loki.LokiTime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's own log endpoints over a {@link LogQuery}, answering {@code {"status":"success","data":...}}:
 * <ul>
 *   <li>{@code GET /api/v1/logs}: a page of records, newest first ({@code direction=forward} for oldest first), with
 *       {@code limit} (100 by default, at most 10,000) and {@code cursor} (the {@code next} of the page before);
 *   <li>{@code GET /api/v1/logs/counts}: records per {@code step} (default: the range over 100) by severity;
 *   <li>{@code GET /api/v1/logs/tail}: new records as server-sent events ({@code event: log}, the record as JSON),
 *       with a comment line every 15 seconds so that proxies keep the connection; at most 16 at once (503 beyond).
 * </ul>
 * Every endpoint takes the filter parameters of {@link FilterParams}. Thread-safe.
 */
public final class LogsApi {

    static final int MAX_TAILS = 16;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int TAIL_QUEUE = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(LogsApi.class);

    private final LogQuery logs;
    private final Clock clock;
    private final Semaphore tails = new Semaphore(MAX_TAILS);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The API over {@code logs}; {@code clock} gives the default time range. */
    public LogsApi(LogQuery logs, Clock clock) {
        this.logs = requireNonNull(logs, "logs is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds the routes. */
    public void register(HttpRoutes routes) {
        routes.get("/api/v1/logs", this::search);
        routes.get("/api/v1/logs/counts", this::counts);
        routes.get("/api/v1/logs/tail", this::tail);
    }

    /** Ends every open tail; the plugin calls it when it stops. */
    public void close() {
        closed.set(true);
    }

    private void search(HttpExchange exchange) {
        LogFilter filter = FilterParams.filter(exchange, clock);
        int limit = intParam(exchange, "limit", 100);
        if (limit < 1 || limit > LogSearch.MAX_LIMIT) {
            throw HttpStatusException.badRequest("limit: must be from 1 to " + LogSearch.MAX_LIMIT + ", got " + limit);
        }
        LogSearch.Direction direction = switch (exchange.queryParam("direction").orElse("backward").toLowerCase(Locale.ROOT)) {
            case "backward" -> LogSearch.Direction.BACKWARD;
            case "forward" -> LogSearch.Direction.FORWARD;
            default -> throw HttpStatusException.badRequest("direction: must be backward or forward");
        };
        LogPage page;
        try {
            page = logs.search(new LogSearch(filter, direction, limit, exchange.queryParam("cursor")));
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest(e.getMessage());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("records", page.records().stream().map(LogsApi::json).toList());
        data.put("next", page.next().orElse(null));
        exchange.json(200, Map.of("status", "success", "data", data));
    }

    private void counts(HttpExchange exchange) {
        LogFilter filter = FilterParams.filter(exchange, clock);
        Duration range = Duration.between(filter.from(), filter.to());
        Duration step = exchange.queryParam("step").map(text -> {
            try {
                return Duration.ofNanos(LokiTime.parseSecondsOrDuration(text));
            } catch (IllegalArgumentException e) {
                throw HttpStatusException.badRequest("step: " + e.getMessage());
            }
        }).orElse(range.dividedBy(100).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : range.dividedBy(100));
        LogCounts counts;
        try {
            counts = logs.counts(filter, step);
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest("step: " + e.getMessage());
        }
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (LogCounts.Bucket bucket : counts.buckets()) {
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            bucket.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> bySeverity.put(e.getKey().label(), e.getValue()));
            buckets.add(Map.of("start", bucket.start().toString(), "total", bucket.total(), "counts", bySeverity));
        }
        exchange.json(200, Map.of("status", "success", "data", Map.of("step", counts.step().toString(), "buckets", buckets)));
    }

    private void tail(HttpExchange exchange) throws IOException {
        LogFilter filter = FilterParams.filter(exchange, clock);
        if (!tails.tryAcquire()) {
            exchange.responseHeader("Retry-After", "5");
            throw new HttpStatusException(503, "too many live tails; at most " + MAX_TAILS + " at once");
        }
        BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(TAIL_QUEUE);
        AtomicLong dropped = new AtomicLong();
        try (Registration registration = logs.tail(filter, record -> {
            if (!queue.offer(record)) {
                dropped.incrementAndGet();
            }
        })) {
            exchange.responseHeader("Cache-Control", "no-cache");
            exchange.stream(200, "text/event-stream; charset=utf-8", out -> follow(out, queue, dropped));
        } finally {
            tails.release();
        }
    }

    /** Writes records as they come until the client goes away or the API closes. */
    private void follow(OutputStream out, BlockingQueue<LogRecord> queue, AtomicLong dropped) throws IOException {
        write(out, ": tailing\n\n");
        long lastWrite = System.nanoTime();
        try {
            while (!closed.get()) {
                LogRecord record = queue.poll(1, TimeUnit.SECONDS);
                if (record != null) {
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        write(out, "event: dropped\ndata: {\"records\":" + lost + "}\n\n");
                    }
                    write(out, "event: log\ndata: " + JSON.writeValueAsString(json(record)) + "\n\n");
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite >= HEARTBEAT.toNanos()) {
                    write(out, ": keep-alive\n\n");
                    lastWrite = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: the tail ends here
            LOG.debug("A live tail ended: {}", e.getMessage());
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A record as the API shows it. */
    static Map<String, Object> json(LogRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", record.time().toString());
        out.put("timeUnixNano", Long.toString(record.timeNanos()));
        out.put("severity", record.severity().label());
        out.put("severityText", record.severityText());
        out.put("service", record.service());
        out.put("logger", record.scope());
        out.put("body", record.body());
        out.put("traceId", record.traceId());
        out.put("spanId", record.spanId());
        out.put("resource", record.resource());
        out.put("attributes", record.attributes());
        return out;
    }

    private static int intParam(HttpExchange exchange, String name, int fallback) {
        Optional<String> text = exchange.queryParam(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw HttpStatusException.badRequest(name + ": '" + text.get() + "' is not a whole number");
        }
    }
}
