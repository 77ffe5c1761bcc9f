package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

/** A rule evaluation that failed: its query failed, or its result broke a rule of Prometheus's. */
public final class RuleEvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, worded as Prometheus words it. */
    public RuleEvaluationException(String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
    }
}
