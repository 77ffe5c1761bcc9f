package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an alert template sees: {@code $labels}, {@code $externalLabels}, {@code $externalURL} and {@code $value},
 * and what its functions need.
 *
 * @param labels the alert's labels ({@code $labels})
 * @param externalLabels the platform's external labels ({@code $externalLabels})
 * @param externalUrl the platform's external URL ({@code $externalURL})
 * @param value the value of the alert's sample ({@code $value})
 * @param evaluationTime when the rule was evaluated, in milliseconds since the epoch (for {@code query})
 * @param query answers the {@code query} template function, or null where queries are not allowed
 */
public record TemplateData(Map<String, String> labels, Map<String, String> externalLabels, String externalUrl,
        double value, long evaluationTime, @Nullable MetricQuery query) {

    /** Checks and copies. */
    public TemplateData {
        labels = Map.copyOf(labels);
        externalLabels = Map.copyOf(externalLabels);
        requireNonNull(externalUrl, "externalUrl is null");
    }
}
