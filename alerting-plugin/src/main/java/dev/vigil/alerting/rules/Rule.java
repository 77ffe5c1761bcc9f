package dev.vigil.alerting.rules;

import dev.vigil.alerting.rules.file.RuleDefinition;
import java.util.Optional;

/**
 * A rule of a loaded group, with the state evaluation keeps for it. Thread-safe: the group evaluates it on one
 * thread, any thread may read its state.
 */
public sealed interface Rule permits AlertingRule, RecordingRule {

    /** The rule as its file defines it. */
    RuleDefinition definition();

    /** The alert name or recorded metric. */
    default String name() {
        return definition().name();
    }

    /** How the last evaluation went. */
    RuleHealth health();

    /** Why the last evaluation failed, if it did. */
    Optional<String> lastError();

    /** The rule's state for the API. */
    RuleStatus status();
}
