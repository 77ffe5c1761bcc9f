package dev.vigil.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The health of one rule: its last error, when it last ran and for how long. Written by the evaluating thread,
 * read by API threads; every method is synchronized.
 */
final class RuleHealthRecord {

    private RuleHealth health = RuleHealth.UNKNOWN;
    private @Nullable String lastError;
    private @Nullable Instant lastEvaluation;
    private Duration evaluationDuration = Duration.ZERO;

    synchronized void succeeded() {
        health = RuleHealth.OK;
        lastError = null;
    }

    synchronized void failed(String error) {
        health = RuleHealth.ERR;
        lastError = error;
    }

    synchronized void evaluated(Instant start, Duration took) {
        lastEvaluation = start;
        evaluationDuration = took;
    }

    synchronized RuleHealth health() {
        return health;
    }

    synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    synchronized Optional<Instant> lastEvaluation() {
        return Optional.ofNullable(lastEvaluation);
    }

    synchronized Duration evaluationDuration() {
        return evaluationDuration;
    }
}
