package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.AlertStatus;
import java.time.Instant;

/**
 * A notification not yet delivered to one of its receiver's integrations.
 *
 * @param notificationId the notification's id
 * @param receiver its receiver
 * @param integration the integration, or {@code ""} while the receiver is not configured
 * @param channelType the integration's channel type when the notification was written, or {@code ""}
 * @param status whether the notification was about firing or resolved alerts
 * @param groupKey the notification's group
 * @param enqueuedAt when it was written to the outbox
 * @param attempts attempts made so far
 * @param state what its queue is doing
 * @param reason why it has not been delivered yet, in words
 */
public record PendingDelivery(String notificationId, String receiver, String integration, String channelType, AlertStatus status,
        String groupKey, Instant enqueuedAt, int attempts, QueueState state, String reason) {

    /** Checks the parts. */
    public PendingDelivery {
        requireNonNull(notificationId, "notificationId is null");
        requireNonNull(receiver, "receiver is null");
        requireNonNull(integration, "integration is null");
        requireNonNull(channelType, "channelType is null");
        requireNonNull(status, "status is null");
        requireNonNull(groupKey, "groupKey is null");
        requireNonNull(enqueuedAt, "enqueuedAt is null");
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
    }
}
