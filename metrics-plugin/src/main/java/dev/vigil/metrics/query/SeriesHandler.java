package dev.vigil.metrics.query;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.Series;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * {@code /api/v1/series}, {@code /api/v1/labels} and {@code /api/v1/label/<name>/values}: what the store holds
 * between {@code start} and {@code end} (all of it by default), for the {@code match[]} selectors (the union of
 * their results, sorted), cut to {@code limit} with the warning {@code results truncated due to limit}.
 * Thread-safe.
 */
final class SeriesHandler {

    private final MetricStore store;

    SeriesHandler(MetricStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** {@code /api/v1/series}: the label sets of the series that match at least one {@code match[]}. */
    void series(HttpExchange exchange) throws QueryException {
        ApiParams params = new ApiParams(exchange);
        List<String> selectors = params.values("match[]");
        if (selectors.isEmpty()) {
            throw ApiParams.badData("no match[] parameter provided");
        }
        int limit = params.limit();
        long start = params.optionalTime("start", ApiTime.MIN_TIME);
        long end = params.optionalTime("end", ApiTime.MAX_TIME);
        List<List<LabelMatcher>> sets;
        try {
            sets = Selectors.parse(selectors);
        } catch (QueryException e) {
            throw ApiParams.invalidParameter("match[]", e.getMessage());
        }
        Set<Labels> found = new TreeSet<>();
        if (start <= end) {
            try (MetricQuerier querier = store.querier(start, end)) {
                for (List<LabelMatcher> matchers : sets) {
                    for (Series series : querier.select(matchers)) {
                        found.add(series.labels());
                    }
                }
            }
        }
        List<Labels> shown = first(found, limit);
        ApiJson.success(exchange, (json, numbers) -> {
            json.writeStartArray();
            for (Labels labels : shown) {
                ValueWriter.writeLabels(json, labels);
            }
            json.writeEndArray();
        }, warnings(found, limit), List.of());
    }

    /** {@code /api/v1/labels}: the label names of the series that match (all series without {@code match[]}). */
    void labelNames(HttpExchange exchange) throws QueryException {
        answerStrings(exchange, new ApiParams(exchange), MetricQuerier::labelNames);
    }

    /** {@code /api/v1/label/<name>/values}: the values of one label among the series that match. */
    void labelValues(HttpExchange exchange) throws QueryException {
        String name = exchange.pathParam("name");
        if (name.startsWith("U__")) {
            name = LabelNames.unescape(name);
        }
        if (name.isEmpty()) {
            throw ApiParams.badData("invalid label name: \"" + name + "\"");
        }
        String label = name;
        answerStrings(exchange, new ApiParams(exchange), (querier, matchers) -> querier.labelValues(label, matchers));
    }

    private void answerStrings(HttpExchange exchange, ApiParams params,
            BiFunction<MetricQuerier, List<LabelMatcher>, List<String>> lookup) throws QueryException {
        int limit = params.limit();
        long start = params.optionalTime("start", ApiTime.MIN_TIME);
        long end = params.optionalTime("end", ApiTime.MAX_TIME);
        List<String> selectors = params.values("match[]");
        List<List<LabelMatcher>> sets = selectors.isEmpty() ? List.of(List.of()) : Selectors.parse(selectors);
        Set<String> found = new TreeSet<>();
        if (start <= end) {
            try (MetricQuerier querier = store.querier(start, end)) {
                for (List<LabelMatcher> matchers : sets) {
                    found.addAll(lookup.apply(querier, matchers));
                }
            }
        }
        List<String> shown = first(found, limit);
        ApiJson.success(exchange, (json, numbers) -> {
            json.writeStartArray();
            for (String value : shown) {
                json.writeString(value);
            }
            json.writeEndArray();
        }, warnings(found, limit), List.of());
    }

    private static <T> List<T> first(Collection<T> all, int limit) {
        List<T> shown = new ArrayList<>(limit > 0 ? Math.min(limit, all.size()) : all.size());
        for (T item : all) {
            if (limit > 0 && shown.size() == limit) {
                break;
            }
            shown.add(item);
        }
        return shown;
    }

    private static List<String> warnings(Collection<?> all, int limit) {
        return limit > 0 && all.size() > limit ? List.of(QueryHandler.TRUNCATED) : List.of();
    }
}
