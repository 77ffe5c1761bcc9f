package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The deliveries waiting for one channel integration.
 *
 * @param receiver the receiver
 * @param integration the integration within it; {@code ""} for notifications that wait for the receiver to
 *     be configured before they can be split by integration
 * @param channelType the integration's channel type, or {@code ""} if not known
 * @param state what the queue is doing
 * @param reason why, in words, for an operator (such as {@code waiting for channel type pagerduty})
 * @param pending how many deliveries wait, the one being sent included
 * @param oldestEnqueuedAt when the oldest of them was written
 * @param nextAttemptAt when the next attempt is due, while backing off
 * @param headAttempts attempts made for the delivery at the head of the queue
 * @param lastError the detail of the last failed attempt, if the head has failed before
 */
public record QueueStatus(String receiver, String integration, String channelType, QueueState state, String reason, int pending,
        Optional<Instant> oldestEnqueuedAt, Optional<Instant> nextAttemptAt, int headAttempts, Optional<String> lastError) {

    /** Checks the parts. */
    public QueueStatus {
        requireNonNull(receiver, "receiver is null");
        requireNonNull(integration, "integration is null");
        requireNonNull(channelType, "channelType is null");
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(oldestEnqueuedAt, "oldestEnqueuedAt is null");
        requireNonNull(nextAttemptAt, "nextAttemptAt is null");
        requireNonNull(lastError, "lastError is null");
    }
}
