package dev.vigil.alerting.rules;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.metrics.QueryValue.Sample;
import java.time.Instant;
import java.util.List;

/** Runs a rule's expression as Prometheus's rule query function does: a vector as is, a scalar as one sample. */
final class RuleQueries {

    private RuleQueries() {}

    /**
     * The result of {@code expr} at {@code time} as samples.
     *
     * @throws RuleEvaluationException if the query fails or gives a matrix or a string
     */
    static List<Sample> vector(MetricQuery query, String expr, Instant time) throws RuleEvaluationException {
        QueryResult result;
        try (Query q = query.instantQuery(expr, time, QueryOptions.DEFAULTS)) {
            result = q.execute();
        } catch (QueryException e) {
            throw new RuleEvaluationException(e.getMessage());
        }
        QueryValue value = result.value();
        if (value instanceof QueryValue.VectorValue vector) {
            return vector.samples();
        }
        if (value instanceof QueryValue.ScalarValue scalar) {
            return List.of(new Sample(Labels.EMPTY, scalar.timestamp(), scalar.value()));
        }
        throw new RuleEvaluationException("rule result is not a vector or scalar");
    }
}
