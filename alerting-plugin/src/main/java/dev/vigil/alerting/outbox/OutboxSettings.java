package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.outbox.history.HistorySettings;
import java.time.Duration;

/**
 * The outbox's tuning, set through {@link OutboxBuilder}.
 *
 * @param backoff waits between attempts
 * @param receiverGrace how long deliveries wait for a receiver or integration missing from the configuration
 *     before they are marked failed
 * @param segmentBytes the size at which the log starts a new segment
 * @param segmentMaxAge the age at which the log starts a new segment, if the current one holds settled records
 * @param carryForwardAfter how long a sealed segment may keep unsettled deliveries before they are copied to
 *     the newest segment so it can be removed
 * @param dedupWindow how long after its deliveries ended a notification's id is still recognised, so that the same
 *     notification submitted again is not delivered twice
 * @param maintenanceInterval how often segments are compacted and history retention applied
 * @param closeTimeout how long {@code close} waits for attempts under way
 * @param history the history's limits
 */
record OutboxSettings(Backoff backoff, Duration receiverGrace, long segmentBytes, Duration segmentMaxAge, Duration carryForwardAfter,
        Duration dedupWindow, Duration maintenanceInterval, Duration closeTimeout, HistorySettings history) {

    OutboxSettings {
        requireNonNull(backoff, "backoff is null");
        requireNonNull(history, "history is null");
        positive(receiverGrace, "receiverGrace");
        positive(segmentMaxAge, "segmentMaxAge");
        requireNonNull(carryForwardAfter, "carryForwardAfter is null");
        if (carryForwardAfter.isNegative()) {
            throw new IllegalArgumentException("carryForwardAfter is negative: " + carryForwardAfter);
        }
        positive(dedupWindow, "dedupWindow");
        positive(maintenanceInterval, "maintenanceInterval");
        requireNonNull(closeTimeout, "closeTimeout is null");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
        }
    }

    private static void positive(Duration value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
