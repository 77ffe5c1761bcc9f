package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.DeliveryResult;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the outbox, for the API and for operators.
 *
 * @param queues every channel integration that has had deliveries since start, by receiver and integration
 * @param pending deliveries not settled
 * @param oldestPendingEnqueuedAt when the oldest of them was written
 * @param attempts attempts since start, by outcome (every outcome present)
 * @param segments segment files of the outbox log
 * @param logBytes their total length
 */
public record OutboxStatus(List<QueueStatus> queues, int pending, Optional<Instant> oldestPendingEnqueuedAt,
        Map<DeliveryResult.Outcome, Long> attempts, int segments, long logBytes) {

    /** Checks and copies. */
    public OutboxStatus {
        queues = List.copyOf(queues);
        requireNonNull(oldestPendingEnqueuedAt, "oldestPendingEnqueuedAt is null");
        Map<DeliveryResult.Outcome, Long> all = new EnumMap<>(DeliveryResult.Outcome.class);
        for (DeliveryResult.Outcome outcome : DeliveryResult.Outcome.values()) {
            all.put(outcome, requireNonNull(attempts, "attempts is null").getOrDefault(outcome, 0L));
        }
        attempts = Collections.unmodifiableMap(all);
    }
}
