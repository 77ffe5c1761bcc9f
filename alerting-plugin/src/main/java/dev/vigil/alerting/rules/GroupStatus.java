package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of one rule group, as Prometheus's rules API shows it.
 *
 * @param file the file that defines it
 * @param name its name
 * @param interval how often it runs
 * @param queryOffset how far in the past its queries look
 * @param limit the most alerts or series per rule; 0 for no limit
 * @param rules its rules in evaluation order
 * @param lastEvaluation when it last ran (wall-clock time)
 * @param lastEvaluationTimestamp the evaluation time of its last run
 * @param evaluationDuration how long its last run took
 */
public record GroupStatus(Path file, String name, Duration interval, Duration queryOffset, int limit,
        List<RuleStatus> rules, Optional<Instant> lastEvaluation, Optional<Instant> lastEvaluationTimestamp,
        Duration evaluationDuration) {

    /** Checks and copies. */
    public GroupStatus {
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(queryOffset, "queryOffset is null");
        rules = List.copyOf(rules);
        requireNonNull(lastEvaluation, "lastEvaluation is null");
        requireNonNull(lastEvaluationTimestamp, "lastEvaluationTimestamp is null");
        requireNonNull(evaluationDuration, "evaluationDuration is null");
    }

    /** The health of the group: an error when a rule's last evaluation failed, unknown before it first ran. */
    public RuleHealth health() {
        if (rules.stream().anyMatch(r -> r.health() == RuleHealth.ERR)) {
            return RuleHealth.ERR;
        }
        return lastEvaluation.isPresent() ? RuleHealth.OK : RuleHealth.UNKNOWN;
    }
}
