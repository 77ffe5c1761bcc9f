package dev.vigil.alerting.rules.file;

import java.util.Map;

/**
 * One rule of a group as its file defines it, checked. The labels include those of the group, the rule's own
 * taking precedence. Immutable.
 */
public sealed interface RuleDefinition permits AlertingRuleDefinition, RecordingRuleDefinition {

    /** The alert name, or the name of the recorded metric. */
    String name();

    /** The PromQL expression. */
    String expr();

    /** The labels the rule adds, sorted by name. */
    Map<String, String> labels();

    /** Where the rule is in its file. */
    Location location();
}
