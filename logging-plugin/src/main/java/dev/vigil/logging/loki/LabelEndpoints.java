package dev.vigil.logging.loki;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.logging.logql.DetectedField;
import dev.vigil.logging.logql.Expr;
import dev.vigil.logging.logql.IndexStats;
import dev.vigil.logging.logql.LogSelectorExpr;
import dev.vigil.logging.logql.LogqlEngine;
import dev.vigil.logging.logql.LogqlParser;
import dev.vigil.logging.logql.SampleExpr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stream-label endpoints: {@code labels}, {@code label/<name>/values}, {@code series},
 * {@code detected_labels} and {@code index/stats}. They list the stream labels of the streams with lines in the time
 * range ({@code start}, {@code end}, {@code since}, the last hour by default), narrowed by a stream selector in
 * {@code query} (or {@code match[]} for series). Thread-safe.
 */
final class LabelEndpoints {

    private final LogqlEngine engine;
    private final QueryEndpoints.Clock clock;

    LabelEndpoints(LogqlEngine engine, QueryEndpoints.Clock clock) {
        this.engine = requireNonNull(engine, "engine is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The names of the stream labels. */
    void labelNames(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        Set<String> names = new TreeSet<>();
        for (Labels labels : streams(params, selectorGroups(params))) {
            names.addAll(labels.names());
        }
        QueryEndpoints.json(exchange, LokiJson.strings(names));
    }

    /** The values of one stream label. */
    void labelValues(HttpExchange exchange) throws IOException {
        String name = exchange.pathParam("name");
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        Set<String> values = new TreeSet<>();
        for (Labels labels : streams(params, selectorGroups(params))) {
            String value = labels.get(name);
            if (value != null) {
                values.add(value);
            }
        }
        QueryEndpoints.json(exchange, LokiJson.strings(values));
    }

    /** The streams that match at least one {@code match[]} selector. */
    void series(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        List<String> selectors = new ArrayList<>(params.values("match[]"));
        selectors.addAll(params.values("match"));
        if (selectors.isEmpty()) {
            throw new LokiBadRequest("0 matcher groups supplied");
        }
        List<List<LabelMatcher>> groups = new ArrayList<>();
        for (String selector : selectors) {
            groups.add(LogqlParser.parseMatchers(selector));
        }
        QueryEndpoints.json(exchange, LokiJson.labelSets(streams(params, groups)));
    }

    /** Each stream label with the number of its distinct values. */
    void detectedLabels(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        Map<String, Set<String>> values = new TreeMap<>();
        for (Labels labels : streams(params, selectorGroups(params))) {
            labels.forEach((name, value) -> values.computeIfAbsent(name, n -> new TreeSet<>()).add(value));
        }
        QueryEndpoints.json(exchange, LokiJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("detectedLabels");
            for (Map.Entry<String, Set<String>> label : values.entrySet()) {
                json.writeStartObject();
                json.writeStringField("label", label.getKey());
                json.writeNumberField("cardinality", label.getValue().size());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /**
     * The fields of the newest {@code line_limit} (1000) lines of {@code query}: structured metadata and what the json
     * and logfmt parsers find, with their types and cardinalities, at most {@code limit} (1000) of them.
     */
    void detectedFields(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        int lineLimit = params.positive("line_limit", 1000);
        int fieldLimit = params.positive(params.value("limit").isEmpty() ? "field_limit" : "limit", 1000);
        long[] bounds = params.rangeBounds();
        Expr expr = LogqlParser.parse(params.query());
        LogSelectorExpr selector = expr instanceof LogSelectorExpr log ? log : new LogSelectorExpr(selector(expr), List.of());
        List<DetectedField> fields = engine.detectedFields(selector, QueryEndpoints.instant(bounds[0]),
                QueryEndpoints.instant(bounds[1]), lineLimit, fieldLimit);
        QueryEndpoints.json(exchange, LokiJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("fields");
            for (DetectedField field : fields) {
                json.writeStartObject();
                json.writeStringField("label", field.label());
                json.writeStringField("type", field.type());
                json.writeNumberField("cardinality", field.cardinality());
                json.writeFieldName("parsers");
                if (field.parsers().isEmpty()) {
                    json.writeNull();
                } else {
                    json.writeStartArray();
                    for (String parser : field.parsers()) {
                        json.writeString(parser);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("limit", fieldLimit);
            json.writeEndObject();
        }));
    }

    /** How many streams, lines and bytes the query's selector covers. */
    void indexStats(HttpExchange exchange) throws IOException {
        LokiParams params = new LokiParams(exchange, clock.nowNanos());
        long[] bounds = params.rangeBounds();
        List<LabelMatcher> matchers = selector(LogqlParser.parse(params.query()));
        IndexStats stats = engine.indexStats(matchers, QueryEndpoints.instant(bounds[0]), QueryEndpoints.instant(bounds[1]));
        QueryEndpoints.json(exchange, LokiJson.write(json -> {
            json.writeStartObject();
            json.writeNumberField("streams", stats.streams());
            // Vigil's store has no chunks; Loki counts the chunks it would read.
            json.writeNumberField("chunks", 0);
            json.writeNumberField("bytes", stats.bytes());
            json.writeNumberField("entries", stats.entries());
            json.writeEndObject();
        }));
    }

    private List<Labels> streams(LokiParams params, List<List<LabelMatcher>> groups) {
        long[] bounds = params.bounds();
        return engine.streams(groups, QueryEndpoints.instant(bounds[0]), QueryEndpoints.instant(bounds[1]));
    }

    /** The selector of {@code query}, or no condition when there is none. */
    private static List<List<LabelMatcher>> selectorGroups(LokiParams params) {
        String query = params.query();
        if (query.isEmpty()) {
            return List.of();
        }
        return List.of(LogqlParser.parseMatchers(query));
    }

    /** The matchers of the first stream selector in a query. */
    private static List<LabelMatcher> selector(Expr expr) {
        if (expr instanceof LogSelectorExpr log) {
            return log.matchers();
        }
        if (expr instanceof SampleExpr.RangeAggregation range) {
            return range.selector().matchers();
        }
        if (expr instanceof SampleExpr.VectorAggregation aggregation) {
            return selector(aggregation.inner());
        }
        if (expr instanceof SampleExpr.BinaryOperation binary) {
            List<LabelMatcher> left = selector(binary.left());
            return left.isEmpty() ? selector(binary.right()) : left;
        }
        return List.of();
    }
}
