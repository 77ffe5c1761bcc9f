package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a group is in its escalation policy.
 *
 * @param unackedSince since when the notified group has had a firing alert nobody acknowledged; empty while it has
 *     none. The next tier is due this tier's delay after it.
 * @param tiersReached how many tiers have been notified; their receivers get the group's further notifications,
 *     the resolved one included
 */
public record EscalationState(Optional<Instant> unackedSince, int tiersReached) {

    /** No escalation under way. */
    public static final EscalationState NONE = new EscalationState(Optional.empty(), 0);

    /** Checks. */
    public EscalationState {
        requireNonNull(unackedSince, "unackedSince is null");
        if (tiersReached < 0) {
            throw new IllegalArgumentException("tiersReached is negative: " + tiersReached);
        }
    }
}
