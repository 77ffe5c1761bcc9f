package dev.vigil.metrics.query;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.QueryException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus's HTTP query API on the platform's API server, for Grafana's Prometheus data source and any other
 * Prometheus client. Every route answers {@code GET} and form-encoded {@code POST}, without the admin token, as
 * Prometheus does:
 * <ul>
 *   <li>{@code /api/v1/query} and {@code /api/v1/query_range}: PromQL through the engine, at most
 *       {@link QuerySettings#maxConcurrent()} at once;</li>
 *   <li>{@code /api/v1/series}, {@code /api/v1/labels}, {@code /api/v1/label/{name}/values}: straight from
 *       the store;</li>
 *   <li>{@code /api/v1/metadata}, {@code /api/v1/status/buildinfo}, and {@code /api/v1/query_exemplars}
 *       (always empty: the store keeps no exemplars).</li>
 * </ul>
 * Failures are answered in Prometheus's shape, {@code {"status":"error","errorType":"bad_data","error":"..."}},
 * with 400 for {@code bad_data}, 422 for {@code execution}, 503 for {@code timeout} and {@code canceled} and 500
 * for {@code internal}. Thread-safe.
 */
public final class PrometheusApi {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusApi.class);

    private final QueryHandler queries;
    private final SeriesHandler series;
    private final MetadataHandler metadata;
    private final QueryGate gate;

    /**
     * The API over {@code engine} and {@code store}.
     *
     * @param engine answers queries
     * @param store answers the series, label and metadata requests
     * @param settings the limits: the longest timeout and how many queries run at once
     * @param clock the time of an instant query that gives none
     * @param version the platform's version, for {@code /api/v1/status/buildinfo}
     */
    public PrometheusApi(MetricQuery engine, MetricStore store, QuerySettings settings, Clock clock, String version) {
        this.gate = new QueryGate(settings.maxConcurrent());
        this.queries = new QueryHandler(engine, gate, settings.timeout(), clock);
        this.series = new SeriesHandler(store);
        this.metadata = new MetadataHandler(store, version);
    }

    /** Adds the routes; they go when the registrations are closed, or with the plugin that added them. */
    public void register(HttpRoutes routes) {
        both(routes, "/api/v1/query", queries::instant);
        both(routes, "/api/v1/query_range", queries::range);
        both(routes, "/api/v1/series", series::series);
        both(routes, "/api/v1/labels", series::labelNames);
        both(routes, "/api/v1/label/{name}/values", series::labelValues);
        both(routes, "/api/v1/metadata", metadata::metadata);
        both(routes, "/api/v1/query_exemplars", metadata::exemplars);
        both(routes, "/api/v1/status/buildinfo", metadata::buildInfo);
    }

    /** How many queries run now. */
    public int runningQueries() {
        return gate.running();
    }

    /** About how many queries wait for their turn now. */
    public int waitingQueries() {
        return gate.waiting();
    }

    /** One endpoint of the API: answers, or throws what is answered as a Prometheus error. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpExchange exchange) throws QueryException;
    }

    private static void both(HttpRoutes routes, String path, Endpoint endpoint) {
        HttpHandler handler = exchange -> answer(exchange, endpoint);
        routes.add(HttpMethod.GET, path, RouteAccess.PUBLIC, handler);
        routes.add(HttpMethod.POST, path, RouteAccess.PUBLIC, handler);
    }

    private static void answer(HttpExchange exchange, Endpoint endpoint) {
        try {
            endpoint.handle(exchange);
        } catch (QueryException e) {
            ApiJson.error(exchange, e);
        } catch (HttpStatusException e) {
            if (e.status() != 400) {
                throw e;
            }
            // a form body the server could not decode
            ApiJson.error(exchange, ApiParams.badData("error parsing form values: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("query API: {} {} failed", exchange.method(), exchange.path(), e);
            ApiJson.error(exchange, new QueryException(QueryException.ErrorType.INTERNAL, "unexpected failure: " + e, e));
        }
    }
}
