package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.MetricQuerier;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.api.metrics.Series;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.VectorSelector;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The series each selector of a query selects, asked of the query's one store view once per selector. Not
 * thread-safe.
 */
final class Selections {

    private final @Nullable MetricQuerier querier;
    private final Map<VectorSelector, List<Series>> selected = new IdentityHashMap<>();

    /** Selections through {@code querier}, or of nothing when the query has no selector. */
    Selections(@Nullable MetricQuerier querier) {
        this.querier = querier;
    }

    /** The series of {@code selector}, sorted by labels. */
    List<Series> select(VectorSelector selector) {
        List<Series> series = selected.get(selector);
        if (series == null) {
            series = doSelect(selector);
            selected.put(selector, series);
        }
        return series;
    }

    private List<Series> doSelect(VectorSelector selector) {
        if (querier == null) {
            return List.of();
        }
        try {
            return querier.select(selector.matchers());
        } catch (IllegalArgumentException e) {
            throw new PromqlException(ErrorType.BAD_DATA, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            throw new PromqlException(ErrorType.INTERNAL, "reading series: " + e);
        }
    }
}
