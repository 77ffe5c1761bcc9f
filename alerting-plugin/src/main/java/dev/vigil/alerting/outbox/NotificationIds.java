package dev.vigil.alerting.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ids of the notifications the outbox holds, so that one submitted again is recognised: an id is held while
 * any of its deliveries is pending, and for the dedup window after the last of them ended. The pipeline gives a
 * notification it decides again after a crash the same id, so this is what keeps that repeat from being delivered
 * twice. Guarded by the dispatcher's lock.
 */
final class NotificationIds {

    private final Duration window;
    /** Deliveries not ended, by notification id. */
    private final Map<String, Integer> pending = new HashMap<>();
    /** When the last delivery of a notification with none pending ended, by id. */
    private final Map<String, Instant> ended = new HashMap<>();

    NotificationIds(Duration window) {
        this.window = window;
    }

    /** Notes a delivery of notification {@code id} that is pending. */
    void deliveryAdded(String id) {
        pending.merge(id, 1, Integer::sum);
    }

    /** Notes that a delivery of notification {@code id} ended at {@code at}. */
    void deliveryEnded(String id, Instant at) {
        Integer left = pending.computeIfPresent(id, (key, count) -> count == 1 ? null : count - 1);
        if (left == null) {
            ended.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Takes in a notification whose deliveries had all ended at {@code at} when the outbox last ran. */
    void recovered(String id, Instant at, Instant now) {
        if (!pending.containsKey(id) && at.plus(window).isAfter(now)) {
            ended.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** How the outbox holds notification {@code id} at {@code now}, or empty if it does not. */
    Optional<Held> find(String id, Instant now) {
        if (pending.containsKey(id)) {
            return Optional.of(new Held(Optional.empty()));
        }
        Instant at = ended.get(id);
        if (at == null || !at.plus(window).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Held(Optional.of(at)));
    }

    /** Forgets the ids whose window has passed. */
    void expire(Instant now) {
        Instant cutoff = now.minus(window);
        ended.values().removeIf(at -> !at.isAfter(cutoff));
    }

    /**
     * How the outbox holds a notification.
     *
     * @param endedAt when its last delivery ended; empty while one is pending
     */
    record Held(Optional<Instant> endedAt) {

        @Override
        public String toString() {
            return endedAt.map(at -> "its deliveries ended at " + at).orElse("it is pending");
        }
    }
}
