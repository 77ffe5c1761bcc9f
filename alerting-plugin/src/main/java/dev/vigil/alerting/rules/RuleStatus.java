package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of one rule, as Prometheus's rules API shows it.
 *
 * @param kind alerting or recording
 * @param name the alert name or recorded metric
 * @param query the expression
 * @param labels the rule's labels
 * @param health how its last evaluation went
 * @param lastError why its last evaluation failed
 * @param lastEvaluation when it was last evaluated (wall-clock time of the evaluation's start)
 * @param evaluationDuration how long its last evaluation took
 * @param holdDuration {@code for}; zero for a recording rule
 * @param keepFiringFor {@code keep_firing_for}; zero for a recording rule
 * @param annotations the annotation templates; empty for a recording rule
 * @param state the most severe state among its alerts; {@link AlertState#INACTIVE} for a recording rule
 * @param alerts its alerts that are pending or firing
 */
public record RuleStatus(RuleKind kind, String name, String query, Map<String, String> labels, RuleHealth health,
        Optional<String> lastError, Optional<Instant> lastEvaluation, Duration evaluationDuration, Duration holdDuration,
        Duration keepFiringFor, Map<String, String> annotations, AlertState state, List<ActiveAlert> alerts) {

    /** Checks and copies. */
    public RuleStatus {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        requireNonNull(health, "health is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(lastEvaluation, "lastEvaluation is null");
        requireNonNull(evaluationDuration, "evaluationDuration is null");
        requireNonNull(holdDuration, "holdDuration is null");
        requireNonNull(keepFiringFor, "keepFiringFor is null");
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        requireNonNull(state, "state is null");
        alerts = List.copyOf(alerts);
    }
}
