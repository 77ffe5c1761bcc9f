package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A recording rule: {@code record}, {@code expr} and {@code labels}.
 *
 * @param name the metric name the results are stored under
 * @param expr the expression
 * @param labels labels set on every result, sorted by name
 * @param location where the rule is in its file
 */
public record RecordingRuleDefinition(String name, String expr, Map<String, String> labels, Location location)
        implements RuleDefinition {

    /** Checks and copies. */
    public RecordingRuleDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(expr, "expr is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        requireNonNull(location, "location is null");
    }
}
