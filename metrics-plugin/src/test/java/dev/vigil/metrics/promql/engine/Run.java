package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.ast.Expr;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs hand-built trees through the engine's query, with Prometheus's default limits. */
final class Run {

    static final PromqlQuery.Limits DEFAULT = new PromqlQuery.Limits(120_000_000_000L, 50_000_000L, 300_000L);

    private Run() {}

    static QueryResult instant(MetricStore store, Expr expr, long time) throws QueryException {
        return instant(store, expr, time, DEFAULT);
    }

    static QueryResult instant(MetricStore store, Expr expr, long time, PromqlQuery.Limits limits) throws QueryException {
        try (PromqlQuery q = new PromqlQuery(store, "expr", expr, limits, time, time, 0)) {
            return q.execute();
        }
    }

    static QueryResult range(MetricStore store, Expr expr, long start, long end, long step) throws QueryException {
        try (PromqlQuery q = new PromqlQuery(store, "expr", expr, DEFAULT, start, end, step)) {
            return q.execute();
        }
    }

    /** The samples of a vector result by labels. */
    static Map<Labels, Double> vector(QueryResult result) {
        Map<Labels, Double> out = new LinkedHashMap<>();
        for (QueryValue.Sample s : ((QueryValue.VectorValue) result.value()).samples()) {
            out.put(s.labels(), s.value());
        }
        return out;
    }

    /** The series of a matrix result by labels, each as its values in order. */
    static Map<Labels, String> matrix(QueryResult result) {
        Map<Labels, String> out = new LinkedHashMap<>();
        for (QueryValue.RangeSeries s : ((QueryValue.MatrixValue) result.value()).series()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(s.timestamp(i) / 1000).append('=').append(format(s.value(i)));
            }
            out.put(s.labels(), b.toString());
        }
        return out;
    }

    private static String format(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
