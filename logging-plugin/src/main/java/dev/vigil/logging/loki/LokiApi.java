package dev.vigil.logging.loki;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.logging.logql.LogqlEngine;
import dev.vigil.logging.logql.LogqlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loki's HTTP query API on the platform's API server, for Grafana's Loki data source, logcli and other Loki
 * clients. Every route answers {@code GET} and form-encoded {@code POST}, without the admin token, as Loki does:
 * <ul>
 *   <li>{@code /loki/api/v1/query_range}: a log query (streams) or a metric query (matrix) over a time range;</li>
 *   <li>{@code /loki/api/v1/query}: a metric query at one time (vector, or scalar); Grafana's "Save &amp; test" runs
 *       {@code vector(1)+vector(1)} here;</li>
 *   <li>{@code /loki/api/v1/labels}, {@code /loki/api/v1/label/{name}/values}, {@code /loki/api/v1/series},
 *       {@code /loki/api/v1/detected_labels}: the stream labels, for label pickers and the label browser;</li>
 *   <li>{@code /loki/api/v1/detected_fields}: the fields of a query's newest lines, for the query builder;</li>
 *   <li>{@code /loki/api/v1/index/stats}: the size of what a query would read, which Explore shows;</li>
 *   <li>{@code /loki/api/v1/format_query}: the query in canonical form.</li>
 * </ul>
 * A request Loki would refuse is answered as Loki answers it: 400 with the reason as plain text, such as
 * {@code parse error at line 1, col 15: syntax error: unexpected $end, expecting STRING or ip}. Thread-safe.
 */
public final class LokiApi {

    private static final Logger LOG = LoggerFactory.getLogger(LokiApi.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final QueryEndpoints queries;
    private final LabelEndpoints labels;

    /**
     * The API over {@code store}.
     *
     * @param store the log store
     * @param settings the limits
     * @param clock the time of a request that gives none, and the end of default time ranges
     */
    public LokiApi(LogQuery store, LokiSettings settings, Clock clock) {
        requireNonNull(store, "store is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        LogqlEngine engine = new LogqlEngine(store, settings.maxQuerySeries());
        QueryEndpoints.Clock now = () -> LogFilter.nanos(clock.instant());
        this.queries = new QueryEndpoints(engine, settings, now);
        this.labels = new LabelEndpoints(engine, now);
    }

    /** Adds the routes; they go when the registrations are closed, or with the plugin that added them. */
    public void register(HttpRoutes routes) {
        both(routes, "/loki/api/v1/query_range", queries::range);
        both(routes, "/loki/api/v1/query", queries::instant);
        both(routes, "/loki/api/v1/format_query", queries::format);
        both(routes, "/loki/api/v1/labels", labels::labelNames);
        both(routes, "/loki/api/v1/label/{name}/values", labels::labelValues);
        both(routes, "/loki/api/v1/series", labels::series);
        both(routes, "/loki/api/v1/detected_labels", labels::detectedLabels);
        both(routes, "/loki/api/v1/detected_fields", labels::detectedFields);
        both(routes, "/loki/api/v1/index/stats", labels::indexStats);
    }

    /** One endpoint: answers, or throws what {@link #answer} turns into Loki's error answers. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void both(HttpRoutes routes, String path, Endpoint endpoint) {
        HttpHandler handler = exchange -> answer(exchange, endpoint);
        routes.add(HttpMethod.GET, path, RouteAccess.PUBLIC, handler);
        routes.add(HttpMethod.POST, path, RouteAccess.PUBLIC, handler);
    }

    private static void answer(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try {
            endpoint.handle(exchange);
        } catch (LokiBadRequest | LogqlException e) {
            error(exchange, 400, e.getMessage());
        } catch (HttpStatusException e) {
            if (e.status() != 400) {
                throw e;
            }
            // a form body the server could not decode
            error(exchange, 400, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // the store refused the request as it was built from the parameters
            error(exchange, 400, String.valueOf(e.getMessage()));
        } catch (UncheckedIOException e) {
            LOG.error("Loki API: {} {}: the log store cannot be read", exchange.method(), exchange.path(), e);
            error(exchange, 500, "the log store cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Loki API: {} {} failed", exchange.method(), exchange.path(), e);
            error(exchange, 500, "unexpected failure: " + e);
        }
    }

    /** Loki's error answer: the reason as plain text, not sniffed as anything else. */
    private static void error(HttpExchange exchange, int status, String message) {
        exchange.responseHeader("X-Content-Type-Options", "nosniff");
        exchange.respond(status, TEXT, message.getBytes(StandardCharsets.UTF_8));
    }
}
