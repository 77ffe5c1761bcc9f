package dev.vigil.alerting.notify.escalation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One tier of an escalation policy.
 *
 * @param after how long a notified group may stay firing unacknowledged before this tier is notified
 * @param receiver the receiver this tier notifies
 */
public record EscalationTier(Duration after, String receiver) {

    /** Checks. */
    public EscalationTier {
        requireNonNull(after, "after is null");
        requireNonNull(receiver, "receiver is null");
        if (after.isNegative()) {
            throw new IllegalArgumentException("after is negative: " + after);
        }
    }
}
