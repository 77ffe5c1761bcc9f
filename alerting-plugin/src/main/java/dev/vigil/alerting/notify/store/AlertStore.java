package dev.vigil.alerting.notify.store;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts the pipeline knows, by fingerprint. A report of a known alert is merged with it when their activity
 * overlaps (Alertmanager's rule), and otherwise replaces it, as when an alert fires again after it resolved.
 * Not thread-safe: the pipeline guards it.
 */
public final class AlertStore {

    private final Map<Long, StoredAlert> alerts = new HashMap<>();

    /** What {@link #put} did. */
    public record Put(StoredAlert stored, boolean material) {}

    /**
     * Takes in a report of an alert.
     *
     * @return the alert as now stored, and whether the change is one a restart must not lose: a new alert, a new
     *     start, or an end set by the sender (a mere refresh of a firing alert is not)
     */
    public Put put(StoredAlert incoming) {
        requireNonNull(incoming, "incoming is null");
        StoredAlert old = alerts.get(incoming.fingerprint());
        StoredAlert stored = incoming;
        if (old != null && overlaps(old, incoming)) {
            stored = old.mergedWith(incoming);
        }
        alerts.put(stored.fingerprint(), stored);
        boolean material = old == null
                || !old.startsAt().equals(stored.startsAt())
                || !(old.timeout() && stored.timeout()) && !old.endsAt().equals(stored.endsAt());
        return new Put(stored, material);
    }

    private static boolean overlaps(StoredAlert old, StoredAlert incoming) {
        return incoming.endsAt().isAfter(old.startsAt()) && incoming.endsAt().isBefore(old.endsAt())
                || incoming.startsAt().isAfter(old.startsAt()) && incoming.startsAt().isBefore(old.endsAt());
    }

    /** The alert with {@code fingerprint}. */
    public Optional<StoredAlert> get(long fingerprint) {
        return Optional.ofNullable(alerts.get(fingerprint));
    }

    /** Forgets the alert with {@code fingerprint}. */
    public void remove(long fingerprint) {
        alerts.remove(fingerprint);
    }

    /** Puts back an alert as it was saved, without merging. */
    public void restore(StoredAlert alert) {
        alerts.put(alert.fingerprint(), alert);
    }

    /** Every alert, in no particular order; a copy. */
    public List<StoredAlert> all() {
        return List.copyOf(alerts.values());
    }

    /** A live view of every alert, for iteration under the pipeline's guard. */
    public Collection<StoredAlert> view() {
        return alerts.values();
    }

    /** How many alerts there are. */
    public int size() {
        return alerts.size();
    }
}
