package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.parser.PromqlParseException;
import dev.vigil.metrics.promql.parser.PromqlParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/v1/metadata}, {@code /api/v1/status/buildinfo} and {@code /api/v1/query_exemplars}. The store
 * keeps one metadata entry per metric family, and no exemplars, so an exemplar query that is valid gets an empty
 * list. Thread-safe.
 */
final class MetadataHandler {

    private static final byte[] NO_CONTENT = new byte[0];

    private final MetricStore store;
    private final String version;

    /**
     * @param store the store whose metadata is served
     * @param version the platform's version, shown as the build's version
     */
    MetadataHandler(MetricStore store, String version) {
        this.store = requireNonNull(store, "store is null");
        this.version = requireNonNull(version, "version is null");
    }

    /**
     * {@code /api/v1/metadata}: {@code {"<metric>":[{"type":"counter","help":"...","unit":""}],...}} in metric
     * name order, for one {@code metric} or all, at most {@code limit} metrics (a negative limit for all, as in
     * Prometheus) and {@code limit_per_metric} entries each.
     */
    void metadata(HttpExchange exchange) throws QueryException {
        ApiParams params = new ApiParams(exchange);
        int limit = number(params, "limit");
        number(params, "limit_per_metric");
        String metric = params.value("metric");
        Map<String, MetricMetadata> shown = new TreeMap<>();
        for (Map.Entry<String, MetricMetadata> e : new TreeMap<>(store.metadata()).entrySet()) {
            if (limit >= 0 && shown.size() >= limit) {
                break;
            }
            if (metric.isEmpty() || metric.equals(e.getKey())) {
                shown.put(e.getKey(), e.getValue());
            }
        }
        ApiJson.success(exchange, (json, numbers) -> {
            json.writeStartObject();
            for (Map.Entry<String, MetricMetadata> e : shown.entrySet()) {
                // The store keeps one entry per metric, which any limit_per_metric keeps.
                json.writeArrayFieldStart(e.getKey());
                json.writeStartObject();
                json.writeStringField("type", typeName(e.getValue().type()));
                json.writeStringField("help", e.getValue().help());
                json.writeStringField("unit", e.getValue().unit());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeEndObject();
        }, List.of(), List.of());
    }

    /** {@code /api/v1/status/buildinfo}: Prometheus's fields, with the platform's version. */
    void buildInfo(HttpExchange exchange) {
        ApiJson.success(exchange, (json, numbers) -> {
            json.writeStartObject();
            json.writeStringField("version", version);
            json.writeStringField("revision", "");
            json.writeStringField("branch", "");
            json.writeStringField("buildUser", "");
            json.writeStringField("buildDate", "");
            json.writeStringField("goVersion", "");
            json.writeEndObject();
        }, List.of(), List.of());
    }

    /**
     * {@code /api/v1/query_exemplars}: checks {@code start}, {@code end} and {@code query} as Prometheus does,
     * then answers an empty list, or 204 without a body when the query selects no series.
     */
    void exemplars(HttpExchange exchange) throws QueryException {
        ApiParams params = new ApiParams(exchange);
        long start = params.optionalTime("start", ApiTime.MIN_TIME);
        long end = params.optionalTime("end", ApiTime.MAX_TIME);
        if (end < start) {
            throw ApiParams.badData("end timestamp must not be before start timestamp");
        }
        Expr expression;
        try {
            expression = PromqlParser.parse(params.value("query"));
        } catch (PromqlParseException e) {
            throw ApiParams.badData(e.getMessage());
        }
        if (!Selectors.selectsSeries(expression)) {
            exchange.respond(204, ApiJson.CONTENT_TYPE, NO_CONTENT);
            return;
        }
        ApiJson.success(exchange, (json, numbers) -> {
            json.writeStartArray();
            json.writeEndArray();
        }, List.of(), List.of());
    }

    /** A whole number, -1 when absent. */
    private static int number(ApiParams params, String name) throws QueryException {
        String text = params.value(name);
        if (text.isEmpty()) {
            return -1;
        }
        try {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw ApiParams.badData(name + " must be a number");
        }
    }

    /** The type as Prometheus's API spells it: {@code counter}, {@code gaugehistogram} and so on. */
    static String typeName(MetricType type) {
        return type.name().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
