package dev.vigil.tracing.zipkin;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.api.traces.TraceSearch;
import dev.vigil.api.traces.TraceSummary;
import dev.vigil.tracing.analysis.ServiceMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read side of Zipkin's v2 API over a {@link TraceQuery}: the calls the Zipkin UI and Grafana's Zipkin data source
 * make. Parameters are read as Zipkin reads them and a bad one is answered 400 with a plain-text reason in Zipkin's
 * words (such as {@code limit <= 0}); a trace that is not stored is answered 404 with {@code <traceId> not found}.
 *
 * <p>Where Vigil differs from a Zipkin server: a trace is found when one of its spans meets every condition of the
 * search (Zipkin lets the spans of one service share them out); service and span names are not lower-cased; the names
 * of services, spans and remote services are those of spans started within {@link ZipkinSettings#defaultLookback()}.
 * Thread-safe.
 */
final class ZipkinQueryApi {

    static final String JSON_TYPE = "application/json";
    private static final JsonFactory JSON = new JsonFactory();
    /** How many traces a search with terms the store cannot check asks for per trace returned, to keep enough. */
    private static final int OVERFETCH = 10;

    private final TraceQuery traces;
    private final ZipkinSettings settings;
    private final Clock clock;

    ZipkinQueryApi(TraceQuery traces, ZipkinSettings settings, Clock clock) {
        this.traces = requireNonNull(traces, "traces is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** {@code GET /api/v2/services}. */
    void services(HttpExchange exchange) {
        Instant now = clock.instant();
        names(exchange, traces.services(now.minus(settings.defaultLookback()), now));
    }

    /** {@code GET /api/v2/spans?serviceName=}. */
    void spanNames(HttpExchange exchange) {
        String service = QueryParams.required(exchange, "serviceName").trim();
        Set<String> names = new TreeSet<>();
        if (!service.isEmpty()) {
            Instant now = clock.instant();
            for (TraceQuery.Operation operation : traces.operations(service, now.minus(settings.defaultLookback()), now)) {
                names.add(operation.name());
            }
        }
        names(exchange, names);
    }

    /** {@code GET /api/v2/remoteServices?serviceName=}: the {@code peer.service} of the service's spans. */
    void remoteServices(HttpExchange exchange) {
        String service = QueryParams.required(exchange, "serviceName").trim();
        Set<String> names = new TreeSet<>();
        if (!service.isEmpty()) {
            Instant now = clock.instant();
            traces.scan(now.minus(settings.defaultLookback()), now, span -> {
                String peer = span.attributes().get(ZipkinConventions.PEER_SERVICE);
                if (peer != null && !peer.isEmpty() && span.service().equals(service)) {
                    names.add(peer);
                }
            });
        }
        names(exchange, names);
    }

    /** {@code GET /api/v2/traces}: a list of traces, each a list of spans. */
    void traces(HttpExchange exchange) {
        Optional<String> service = QueryParams.text(exchange, "serviceName");
        Optional<String> remoteService = QueryParams.text(exchange, "remoteServiceName");
        // the Zipkin UI once sent "all" for any span name
        Optional<String> spanName = QueryParams.text(exchange, "spanName").filter(n -> !n.equals("all"));
        AnnotationQuery annotationQuery = AnnotationQuery.parse(QueryParams.text(exchange, "annotationQuery").orElse(null));
        Optional<Long> minDuration = QueryParams.number(exchange, "minDuration");
        Optional<Long> maxDuration = QueryParams.number(exchange, "maxDuration");
        long endTs = QueryParams.number(exchange, "endTs").orElse(clock.millis());
        long lookback = QueryParams.number(exchange, "lookback").orElse(settings.defaultLookback().toMillis());
        long limit = QueryParams.number(exchange, "limit").orElse(10L);
        if (endTs <= 0) {
            throw new IllegalArgumentException("endTs <= 0");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit <= 0");
        }
        if (lookback <= 0) {
            throw new IllegalArgumentException("lookback <= 0");
        }
        if (minDuration.isPresent()) {
            if (minDuration.get() <= 0) {
                throw new IllegalArgumentException("minDuration <= 0");
            }
            if (maxDuration.isPresent() && maxDuration.get() < minDuration.get()) {
                throw new IllegalArgumentException("maxDuration < minDuration");
            }
        } else if (maxDuration.isPresent()) {
            throw new IllegalArgumentException("maxDuration is only valid with minDuration");
        }

        int wanted = (int) Math.min(limit, TraceSearch.MAX_LIMIT);
        boolean filtered = !annotationQuery.isEmpty();
        int asked = filtered ? (int) Math.min((long) wanted * OVERFETCH, TraceSearch.MAX_LIMIT) : wanted;
        Instant end = Instant.ofEpochMilli(endTs);
        TraceSearch search = TraceSearch.between(Instant.ofEpochMilli(Math.max(0, endTs - lookback)), end.plusMillis(1), asked)
                .withDuration(minDuration.map(ZipkinQueryApi::micros).orElse(null), maxDuration.map(ZipkinQueryApi::micros).orElse(null));
        if (service.isPresent()) {
            search = search.withService(service.get());
        }
        if (spanName.isPresent()) {
            search = search.withOperation(spanName.get());
        }
        if (remoteService.isPresent()) {
            List<LabelMatcher> matchers = new ArrayList<>(search.attributes());
            matchers.add(LabelMatcher.equal(ZipkinConventions.PEER_SERVICE, remoteService.get()));
            search = search.withAttributes(matchers);
        }
        search = annotationQuery.narrow(search);

        List<List<SpanRecord>> found = new ArrayList<>();
        for (TraceSummary summary : traces.search(search)) {
            if (found.size() == wanted) {
                break;
            }
            List<SpanRecord> trace = traces.trace(summary.traceId());
            if (!trace.isEmpty() && (!filtered || anyMeets(trace, search, annotationQuery))) {
                found.add(trace);
            }
        }
        exchange.respond(200, JSON_TYPE, ZipkinSpanWriter.writeTraces(found));
    }

    /** {@code GET /api/v2/trace/{traceId}}. */
    void trace(HttpExchange exchange) {
        String given = exchange.pathParam("traceId");
        List<SpanRecord> trace = traces.trace(ZipkinIds.traceId("traceId", given));
        if (trace.isEmpty()) {
            exchange.text(404, given + " not found");
            return;
        }
        exchange.respond(200, JSON_TYPE, ZipkinSpanWriter.writeList(trace));
    }

    /** {@code GET /api/v2/traceMany?traceIds=}: the traces stored of those asked for, in the order asked. */
    void traceMany(HttpExchange exchange) {
        String given = exchange.queryParam("traceIds").orElse("").trim();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("traceIds parameter is empty");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : given.split(",")) {
            if (!ids.add(ZipkinIds.traceId("traceId", id.trim()))) {
                throw new IllegalArgumentException("redundant traceId: " + id.trim());
            }
        }
        List<List<SpanRecord>> found = new ArrayList<>();
        for (String id : ids) {
            List<SpanRecord> trace = traces.trace(id);
            if (!trace.isEmpty()) {
                found.add(trace);
            }
        }
        exchange.respond(200, JSON_TYPE, ZipkinSpanWriter.writeTraces(found));
    }

    /** {@code GET /api/v2/autocompleteKeys}: the configured keys. */
    void autocompleteKeys(HttpExchange exchange) {
        names(exchange, new TreeSet<>(settings.autocompleteKeys()));
    }

    /** {@code GET /api/v2/autocompleteValues?key=}: the values of a configured key in recent spans. */
    void autocompleteValues(HttpExchange exchange) {
        String key = QueryParams.required(exchange, "key");
        Set<String> values = new TreeSet<>();
        if (settings.autocompleteKeys().contains(key)) {
            Instant now = clock.instant();
            traces.scan(now.minus(settings.defaultLookback()), now, span -> {
                String value = span.attributes().getOrDefault(key, span.resource().get(key));
                if (value != null && !value.isEmpty()) {
                    values.add(value);
                }
            });
        }
        names(exchange, values);
    }

    /** {@code GET /api/v2/dependencies?endTs=&lookback=}: caller to callee links with their counts. */
    void dependencies(HttpExchange exchange) {
        long endTs = QueryParams.requiredNumber(exchange, "endTs");
        long lookback = QueryParams.number(exchange, "lookback").orElse(settings.defaultLookback().toMillis());
        if (endTs <= 0) {
            throw new IllegalArgumentException("endTs <= 0");
        }
        if (lookback <= 0) {
            throw new IllegalArgumentException("lookback <= 0");
        }
        ServiceMap map = new ServiceMap();
        traces.scan(Instant.ofEpochMilli(Math.max(0, endTs - lookback)), Instant.ofEpochMilli(endTs), map);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (ServiceMap.Edge edge : map.edges(Duration.ofMillis(lookback))) {
                json.writeStartObject();
                json.writeStringField("parent", edge.caller());
                json.writeStringField("child", edge.callee());
                json.writeNumberField("callCount", edge.calls());
                if (edge.errors() > 0) {
                    json.writeNumberField("errorCount", edge.errors());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write links to memory", e);
        }
        exchange.respond(200, JSON_TYPE, out.toByteArray());
    }

    private static boolean anyMeets(List<SpanRecord> trace, TraceSearch search, AnnotationQuery annotationQuery) {
        for (SpanRecord span : trace) {
            if (search.test(span) && annotationQuery.test(span)) {
                return true;
            }
        }
        return false;
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(Math.multiplyExact(micros, 1000L));
    }

    private static void names(HttpExchange exchange, Collection<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (String name : names) {
                json.writeString(name);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write names to memory", e);
        }
        exchange.respond(200, JSON_TYPE, out.toByteArray());
    }
}
