package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named escalation policy, referred to by routes ({@code escalation: name}).
 *
 * @param name the policy's name
 * @param tiers the tiers, with strictly increasing {@code after}
 */
public record EscalationPolicyConfig(@JsonProperty("name") @Nullable String name,
        @JsonProperty("tiers") List<EscalationTierConfig> tiers) {

    /** Copies; an absent list becomes an empty one. */
    public EscalationPolicyConfig {
        tiers = ConfigLists.copy(tiers, "tiers");
    }
}
