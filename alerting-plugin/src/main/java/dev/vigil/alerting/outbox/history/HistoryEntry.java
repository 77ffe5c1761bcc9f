package dev.vigil.alerting.outbox.history;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One delivery attempt, or the end of a delivery without one (a receiver that stayed unconfigured).
 *
 * @param at when the attempt began (or, for a delivery ended without one, when it ended)
 * @param notificationId the notification's id (the same on every attempt and after a restart)
 * @param receiver the receiver
 * @param integration the channel integration within the receiver, or {@code ""} if the receiver was never
 *     configured
 * @param channelType the integration's channel type, or {@code ""}
 * @param status whether the notification was about firing or resolved alerts
 * @param groupKey the notification's group
 * @param alertNames the distinct {@code alertname}s of its alerts, in order
 * @param fingerprints the fingerprints of its alerts
 * @param attempt the attempt's number for this delivery, from 1; 0 when it ended without an attempt
 * @param outcome delivered, to be retried, or failed for good
 * @param detail what happened, from the channel or the outbox; never a secret
 * @param elapsed how long the attempt took
 */
public record HistoryEntry(Instant at, String notificationId, String receiver, String integration, String channelType,
        AlertStatus status, String groupKey, List<String> alertNames, List<String> fingerprints, int attempt,
        DeliveryResult.Outcome outcome, String detail, Duration elapsed) {

    /** Checks and copies. */
    public HistoryEntry {
        requireNonNull(at, "at is null");
        requireNonNull(notificationId, "notificationId is null");
        requireNonNull(receiver, "receiver is null");
        requireNonNull(integration, "integration is null");
        requireNonNull(channelType, "channelType is null");
        requireNonNull(status, "status is null");
        requireNonNull(groupKey, "groupKey is null");
        alertNames = List.copyOf(alertNames);
        fingerprints = List.copyOf(fingerprints);
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt is negative: " + attempt);
        }
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
