package dev.vigil.logging.loki;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.logql.Expr;
import dev.vigil.logging.logql.LogResult;
import dev.vigil.logging.logql.LogSelectorExpr;
import dev.vigil.logging.logql.LogqlEngine;
import dev.vigil.logging.logql.LogqlParser;
import dev.vigil.logging.logql.SampleExpr;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code /loki/api/v1/query_range}, {@code /loki/api/v1/query} and {@code /loki/api/v1/format_query}: the parameters
 * are read and checked first, then the query is parsed, then run. Thread-safe.
 */
final class QueryEndpoints {

    /** Loki's answer to a log query sent as an instant query. */
    static final String LOG_QUERY_AT_INSTANT =
            "log queries are not supported as an instant query type, please change your query to a range query type";

    private final LogqlEngine engine;
    private final LokiSettings settings;
    private final Clock clock;

    /** The time a request is answered at, in nanoseconds. */
    @FunctionalInterface
    interface Clock {
        long nowNanos();
    }

    QueryEndpoints(LogqlEngine engine, LokiSettings settings, Clock clock) {
        this.engine = requireNonNull(engine, "engine is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A log query over a time range, or a metric query at each step of it. */
    void range(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        String query = params.query();
        long[] bounds = params.rangeBounds();
        int limit = params.limit();
        LogSearch.Direction direction = params.direction();
        long step = params.step(bounds[0], bounds[1]);
        params.interval();
        Expr expr = LogqlParser.parse(query);
        if (expr instanceof LogSelectorExpr logs) {
            checkLimit(limit);
            boolean categorize = categorize(exchange);
            LogResult result = engine.logs(logs, instant(bounds[0]), instant(bounds[1]), direction, limit, categorize);
            json(exchange, LokiJson.streams(result, categorize));
        } else {
            json(exchange, LokiJson.metric(engine.range((SampleExpr) expr, instant(bounds[0]), instant(bounds[1]),
                    Duration.ofNanos(step))));
        }
    }

    /** A metric query at one time. */
    void instant(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        String query = params.query();
        params.limit();
        long time = params.time();
        params.direction();
        Expr expr = LogqlParser.parse(query);
        if (expr instanceof LogSelectorExpr) {
            throw new LokiBadRequest(LOG_QUERY_AT_INSTANT);
        }
        json(exchange, LokiJson.metric(engine.instant((SampleExpr) expr, instant(time))));
    }

    /** The query written back in LogQL's canonical form. */
    void format(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        Expr expr = LogqlParser.parse(params.query());
        json(exchange, LokiJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeStringField("data", expr.toString());
            json.writeEndObject();
        }));
    }

    private void checkLimit(int limit) {
        if (limit > settings.maxEntriesLimitPerQuery()) {
            throw new LokiBadRequest("max entries limit per query exceeded, limit > max_entries_limit_per_query ("
                    + limit + " > " + settings.maxEntriesLimitPerQuery() + ")");
        }
    }

    /** Whether the client asked for categorized labels in {@code X-Loki-Response-Encoding-Flags}. */
    static boolean categorize(HttpExchange exchange) {
        String flags = exchange.header("X-Loki-Response-Encoding-Flags").orElse("");
        for (String flag : flags.split(",")) {
            if (flag.equals(LokiJson.CATEGORIZE_LABELS)) {
                return true;
            }
        }
        return false;
    }

    static void json(HttpExchange exchange, HttpExchange.StreamingBody body) throws IOException {
        exchange.stream(200, LokiJson.CONTENT_TYPE, body);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
