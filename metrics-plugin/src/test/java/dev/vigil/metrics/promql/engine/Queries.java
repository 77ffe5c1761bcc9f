package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs PromQL text through a {@link PromqlEngine} with Prometheus's defaults, times in milliseconds. */
final class Queries {

    private final PromqlEngine engine;

    Queries(MetricStore store) {
        this.engine = new PromqlEngine(store, EngineSettings.defaults());
    }

    PromqlEngine engine() {
        return engine;
    }

    QueryResult instant(String expression, long time) throws QueryException {
        return engine.instant(expression, Instant.ofEpochMilli(time));
    }

    QueryResult instant(String expression, long time, QueryOptions options) throws QueryException {
        try (Query query = engine.instantQuery(expression, Instant.ofEpochMilli(time), options)) {
            return query.execute();
        }
    }

    QueryResult range(String expression, long start, long end, long step) throws QueryException {
        return engine.range(expression, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), Duration.ofMillis(step));
    }

    QueryResult range(String expression, long start, long end, long step, QueryOptions options) throws QueryException {
        try (Query query = engine.rangeQuery(expression, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                Duration.ofMillis(step), options)) {
            return query.execute();
        }
    }

    /** The samples of an instant query's vector by labels, in result order. */
    Map<Labels, Double> vector(String expression, long time) throws QueryException {
        return vector(instant(expression, time));
    }

    static Map<Labels, Double> vector(QueryResult result) {
        Map<Labels, Double> out = new LinkedHashMap<>();
        for (QueryValue.Sample s : ((QueryValue.VectorValue) result.value()).samples()) {
            out.put(s.labels(), s.value());
        }
        return out;
    }

    /** The series of a range query by labels, each written as {@code seconds=value} pairs. */
    Map<Labels, String> matrix(String expression, long start, long end, long step) throws QueryException {
        return matrix(range(expression, start, end, step));
    }

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

    /** The value of a scalar result. */
    static double scalar(QueryResult result) {
        return ((QueryValue.ScalarValue) result.value()).value();
    }

    private static String format(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
