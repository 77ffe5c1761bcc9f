package dev.vigil.tracing.api;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.tracing.analysis.Bottlenecks;
import dev.vigil.tracing.analysis.CriticalPath;
import dev.vigil.tracing.analysis.ServiceMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vigil's trace endpoints over a {@link TraceQuery}, answering {@code {"status":"success","data":...}}:
 * <ul>
 *   <li>{@code GET /api/v1/traces/{traceId}}: the trace as a tree of spans (404 when no span of it is stored);
 *   <li>{@code GET /api/v1/traces}: traces with a span that meets every condition, newest first: {@code service},
 *       {@code operation}, {@code error=true}, {@code minDuration}, {@code maxDuration} ({@code 250ms}, {@code 2s}),
 *       {@code attr} ({@code name=value}, repeatable), {@code start}, {@code end} (the last hour by default),
 *       {@code limit} (20, at most 1000);
 *   <li>{@code GET /api/v1/traces/{traceId}/critical-path}: the stretches of work that decided the trace's duration;
 *   <li>{@code GET /api/v1/tracing/services} and {@code GET /api/v1/tracing/services/{service}/operations};
 *   <li>{@code GET /api/v1/tracing/service-map}: caller → callee edges with rate, errors and latency over
 *       {@code since} (15m by default);
 *   <li>{@code GET /api/v1/tracing/bottlenecks?service=&operation=}: the child operations that account for most of
 *       the operation's time over its {@code traces} (100) most recent traces within {@code since} (1h).
 * </ul>
 * Thread-safe.
 */
public final class TracesApi {

    private static final int MAX_MAP_SPANS = 2_000_000;

    private final TraceQuery traces;
    private final Clock clock;

    /** The API over {@code traces}; {@code clock} gives the default time ranges. */
    public TracesApi(TraceQuery traces, Clock clock) {
        this.traces = requireNonNull(traces, "traces is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds the routes. */
    public void register(HttpRoutes routes) {
        routes.get("/api/v1/traces", this::search);
        routes.get("/api/v1/traces/{traceId}", this::trace);
        routes.get("/api/v1/traces/{traceId}/critical-path", this::criticalPath);
        routes.get("/api/v1/tracing/services", this::services);
        routes.get("/api/v1/tracing/services/{service}/operations", this::operations);
        routes.get("/api/v1/tracing/service-map", this::serviceMap);
        routes.get("/api/v1/tracing/bottlenecks", this::bottlenecks);
    }

    private void trace(HttpExchange exchange) {
        List<SpanRecord> spans = spans(exchange);
        ok(exchange, Map.of("traceId", spans.get(0).traceId(), "spans", spans.size(), "roots", TraceJson.tree(spans)));
    }

    private void criticalPath(HttpExchange exchange) {
        List<SpanRecord> spans = spans(exchange);
        List<Map<String, Object>> segments = new ArrayList<>();
        long total = 0;
        for (CriticalPath.Segment s : CriticalPath.of(spans)) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("spanId", s.span().spanId());
            segment.put("service", s.span().service());
            segment.put("name", s.span().name());
            segment.put("start", TraceJson.time(s.startNanos()));
            segment.put("durationMicros", (s.endNanos() - s.startNanos()) / 1_000);
            segments.add(segment);
            total += s.endNanos() - s.startNanos();
        }
        ok(exchange, Map.of("traceId", spans.get(0).traceId(), "durationMicros", total / 1_000, "segments", segments));
    }

    private List<SpanRecord> spans(HttpExchange exchange) {
        String traceId = exchange.pathParam("traceId").toLowerCase(Locale.ROOT);
        if (!LogRecord.isTraceId(traceId)) {
            throw HttpStatusException.badRequest("traceId: '" + exchange.pathParam("traceId") + "' is not 32 hex digits");
        }
        List<SpanRecord> spans = traces.trace(traceId);
        if (spans.isEmpty()) {
            throw new HttpStatusException(404, "no span of trace " + traceId + " is stored");
        }
        return spans;
    }

    private void search(HttpExchange exchange) {
        Instant end = Params.time(exchange, "end").orElse(clock.instant());
        Instant start = Params.time(exchange, "start").orElse(end.minus(Duration.ofHours(1)));
        if (end.isBefore(start)) {
            throw HttpStatusException.badRequest("end " + end + " is before start " + start);
        }
        TraceSearch search = TraceSearch.between(start, end, Params.integer(exchange, "limit", 1, 1000).orElse(20));
        search = exchange.queryParam("service").map(search::withService).orElse(search);
        search = exchange.queryParam("operation").map(search::withOperation).orElse(search);
        if (exchange.queryParam("error").map(Boolean::parseBoolean).orElse(false)) {
            search = search.withErrorsOnly();
        }
        search = search.withDuration(Params.duration(exchange, "minDuration").orElse(null), Params.duration(exchange, "maxDuration").orElse(null));
        List<LabelMatcher> attributes = new ArrayList<>();
        for (String attr : exchange.queryParams("attr")) {
            int eq = attr.indexOf('=');
            if (eq <= 0) {
                throw HttpStatusException.badRequest("attr: '" + attr + "' is not name=value");
            }
            attributes.add(LabelMatcher.equal(attr.substring(0, eq), attr.substring(eq + 1)));
        }
        List<TraceSummary> found = traces.search(search.withAttributes(attributes));
        ok(exchange, Map.of("traces", found.stream().map(TraceJson::summary).toList()));
    }

    private void services(HttpExchange exchange) {
        Instant end = clock.instant();
        Duration since = Params.duration(exchange, "since").orElse(Duration.ofHours(1));
        ok(exchange, Map.of("services", traces.services(end.minus(since), end)));
    }

    private void operations(HttpExchange exchange) {
        Instant end = clock.instant();
        Duration since = Params.duration(exchange, "since").orElse(Duration.ofHours(1));
        List<Map<String, String>> operations = traces.operations(exchange.pathParam("service"), end.minus(since), end).stream()
                .map(o -> Map.of("name", o.name(), "kind", o.kind().name().toLowerCase(Locale.ROOT))).toList();
        ok(exchange, Map.of("operations", operations));
    }

    private void serviceMap(HttpExchange exchange) {
        Instant end = clock.instant();
        Duration since = Params.duration(exchange, "since").orElse(Duration.ofMinutes(15));
        ServiceMap map = new ServiceMap();
        traces.scan(end.minus(since), end, span -> {
            if (map.spans() < MAX_MAP_SPANS) {
                map.accept(span);
            }
        });
        List<Map<String, Object>> edges = new ArrayList<>();
        for (ServiceMap.Edge e : map.edges(since)) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("caller", e.caller());
            edge.put("callee", e.callee());
            edge.put("calls", e.calls());
            edge.put("errors", e.errors());
            edge.put("ratePerSecond", e.ratePerSecond());
            edge.put("errorRate", e.errorRate());
            edge.put("p50Micros", e.p50().toNanos() / 1_000);
            edge.put("p95Micros", e.p95().toNanos() / 1_000);
            edge.put("maxMicros", e.max().toNanos() / 1_000);
            edges.add(edge);
        }
        ok(exchange, Map.of("since", since.toString(), "spans", map.spans(), "truncated", map.spans() >= MAX_MAP_SPANS, "edges", edges));
    }

    private void bottlenecks(HttpExchange exchange) {
        String service = exchange.queryParam("service").orElseThrow(() -> HttpStatusException.badRequest("service: required"));
        String operation = exchange.queryParam("operation").orElseThrow(() -> HttpStatusException.badRequest("operation: required"));
        Instant end = clock.instant();
        Duration since = Params.duration(exchange, "since").orElse(Duration.ofHours(1));
        int limit = Params.integer(exchange, "traces", 1, 1000).orElse(100);
        List<List<SpanRecord>> recent = new ArrayList<>();
        for (TraceSummary summary : traces.search(TraceSearch.between(end.minus(since), end, limit).withService(service).withOperation(operation))) {
            recent.add(traces.trace(summary.traceId()));
        }
        List<Map<String, Object>> contributors = new ArrayList<>();
        for (Bottlenecks.Contributor c : Bottlenecks.of(service, operation, recent)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("service", c.service());
            out.put("operation", c.operation());
            out.put("totalMicros", c.total().toNanos() / 1_000);
            out.put("share", c.share());
            out.put("spans", c.spans());
            contributors.add(out);
        }
        ok(exchange, Map.of("service", service, "operation", operation, "traces", recent.size(), "contributors", contributors));
    }

    private static void ok(HttpExchange exchange, Object data) {
        exchange.json(200, Map.of("status", "success", "data", data));
    }
}
