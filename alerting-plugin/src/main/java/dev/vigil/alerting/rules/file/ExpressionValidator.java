package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import java.time.Instant;
import java.util.Optional;

/** Decides whether a rule's PromQL expression is valid. Implementations are thread-safe. */
@FunctionalInterface
public interface ExpressionValidator {

    /** What is wrong with {@code expression}, such as {@code 1:7: parse error: unexpected end of input}; empty if nothing. */
    Optional<String> problem(String expression);

    /**
     * A validator that asks {@code query}: creating an instant query parses and checks the expression; the query is
     * closed without being run.
     */
    static ExpressionValidator using(MetricQuery query) {
        requireNonNull(query, "query is null");
        return expression -> {
            Query parsed;
            try {
                parsed = query.instantQuery(expression, Instant.EPOCH, QueryOptions.DEFAULTS);
            } catch (QueryException e) {
                return Optional.of(e.getMessage());
            } catch (RuntimeException e) {
                // a fault in the engine must not stop the other rules from being checked
                return Optional.of("the expression could not be checked: " + e);
            }
            parsed.close();
            return Optional.empty();
        };
    }
}
