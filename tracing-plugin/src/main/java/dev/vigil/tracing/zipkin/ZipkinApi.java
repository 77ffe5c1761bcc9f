package dev.vigil.tracing.zipkin;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.traces.TraceQuery;
import dev.vigil.tracing.SpanSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Zipkin's v2 API on the platform's API port, so that Zipkin tracers can send spans to Vigil and the Zipkin UI and
 * Grafana's Zipkin data source can read Vigil's traces unchanged:
 * <ul>
 *   <li>{@code POST /api/v2/spans} ({@link ZipkinCollector}), public, as tracers carry no token;
 *   <li>{@code GET /api/v2/services}, {@code /spans?serviceName=}, {@code /remoteServices?serviceName=},
 *       {@code /traces}, {@code /trace/{traceId}}, {@code /traceMany?traceIds=}, {@code /autocompleteKeys},
 *       {@code /autocompleteValues?key=} and {@code /dependencies?endTs=&lookback=}.
 * </ul>
 * A bad parameter is answered 400 with a plain-text reason, as Zipkin answers. Thread-safe.
 */
public final class ZipkinApi {

    private final boolean enabled;
    private final ZipkinCollector collector;
    private final ZipkinQueryApi query;

    /**
     * The API over {@code traces} (reads) and {@code sink} (spans received).
     *
     * @param clock the time of "now" for default search windows and for spans received without a time
     */
    public ZipkinApi(TraceQuery traces, SpanSink sink, ZipkinSettings settings, Clock clock, MeterRegistry meters) {
        this.enabled = settings.enabled();
        this.collector = new ZipkinCollector(sink, settings, clock, meters);
        this.query = new ZipkinQueryApi(traces, settings, clock);
    }

    /**
     * Adds every route of the API to {@code routes}, or none when {@link ZipkinSettings#enabled()} is false; closing
     * the registrations removes them.
     */
    public List<Registration> register(HttpRoutes routes) {
        requireNonNull(routes, "routes is null");
        if (!enabled) {
            return List.of();
        }
        return List.of(
                routes.add(HttpMethod.POST, "/api/v2/spans", RouteAccess.PUBLIC, collector),
                routes.get("/api/v2/services", reading(query::services)),
                routes.get("/api/v2/spans", reading(query::spanNames)),
                routes.get("/api/v2/remoteServices", reading(query::remoteServices)),
                routes.get("/api/v2/traces", reading(query::traces)),
                routes.get("/api/v2/trace/{traceId}", reading(query::trace)),
                routes.get("/api/v2/traceMany", reading(query::traceMany)),
                routes.get("/api/v2/autocompleteKeys", reading(query::autocompleteKeys)),
                routes.get("/api/v2/autocompleteValues", reading(query::autocompleteValues)),
                routes.get("/api/v2/dependencies", reading(query::dependencies)));
    }

    /** A handler answering a refused argument with 400 and the reason in plain text, as Zipkin's server does. */
    private static HttpHandler reading(Consumer<HttpExchange> call) {
        return exchange -> {
            try {
                call.accept(exchange);
            } catch (IllegalArgumentException e) {
                exchange.text(400, e.getMessage() == null ? "Bad Request" : e.getMessage());
            }
        };
    }
}
