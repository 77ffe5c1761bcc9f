package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One tier of an escalation policy.
 *
 * @param after how long a notified group may stay firing with no acknowledgement before this tier is notified,
 *     counted from when it first became so, such as {@code 15m}
 * @param receiver the receiver this tier notifies
 */
public record EscalationTierConfig(@JsonProperty("after") @Nullable String after,
        @JsonProperty("receiver") @Nullable String receiver) {}
