package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An inhibition rule, as in Alertmanager's {@code inhibit_rules}: while an alert matching the source matchers
 * fires, alerts matching the target matchers that have the same values of the {@code equal} labels are muted.
 *
 * @param sourceMatchers matchers an inhibiting alert must match
 * @param targetMatchers matchers an inhibited alert must match
 * @param sourceMatch deprecated equality source matchers, by label name
 * @param sourceMatchRe deprecated regular-expression source matchers, by label name
 * @param targetMatch deprecated equality target matchers, by label name
 * @param targetMatchRe deprecated regular-expression target matchers, by label name
 * @param equal labels whose values must be the same in source and target (an absent label equals an absent one)
 */
public record InhibitRuleConfig(
        @JsonProperty("source_matchers") List<String> sourceMatchers,
        @JsonProperty("target_matchers") List<String> targetMatchers,
        @JsonProperty("source_match") Map<String, String> sourceMatch,
        @JsonProperty("source_match_re") Map<String, String> sourceMatchRe,
        @JsonProperty("target_match") Map<String, String> targetMatch,
        @JsonProperty("target_match_re") Map<String, String> targetMatchRe,
        @JsonProperty("equal") List<String> equal) {

    /** Copies; absent lists and maps become empty ones. */
    public InhibitRuleConfig {
        sourceMatchers = ConfigLists.copy(sourceMatchers, "source_matchers");
        targetMatchers = ConfigLists.copy(targetMatchers, "target_matchers");
        sourceMatch = ConfigLists.copy(sourceMatch, "source_match");
        sourceMatchRe = ConfigLists.copy(sourceMatchRe, "source_match_re");
        targetMatch = ConfigLists.copy(targetMatch, "target_match");
        targetMatchRe = ConfigLists.copy(targetMatchRe, "target_match_re");
        equal = ConfigLists.copy(equal, "equal");
    }

    /** A rule with the given matchers in Alertmanager's syntax and equal labels. */
    public static InhibitRuleConfig of(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {
        return new InhibitRuleConfig(sourceMatchers, targetMatchers, null, null, null, null, equal);
    }
}
