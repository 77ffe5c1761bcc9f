package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alerting rule: {@code alert}, {@code expr}, {@code for}, {@code keep_firing_for}, {@code labels} and
 * {@code annotations}. Label values and annotations are templates.
 *
 * @param name the alert name
 * @param expr the expression; every element of its result is an alert
 * @param holdDuration how long an element must stay in the result before its alert fires ({@code for})
 * @param keepFiringFor how long a firing alert keeps firing after its element left the result
 * @param labels labels added to each alert, sorted by name
 * @param annotations annotations of each alert, sorted by name
 * @param location where the rule is in its file
 */
public record AlertingRuleDefinition(String name, String expr, Duration holdDuration, Duration keepFiringFor,
        Map<String, String> labels, Map<String, String> annotations, Location location) implements RuleDefinition {

    /** Checks and copies. */
    public AlertingRuleDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(holdDuration, "holdDuration is null");
        requireNonNull(keepFiringFor, "keepFiringFor is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        requireNonNull(location, "location is null");
    }
}
