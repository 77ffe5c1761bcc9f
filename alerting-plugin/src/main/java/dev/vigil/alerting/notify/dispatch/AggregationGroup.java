package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.route.Route;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one route that share the values of the route's {@code group_by} labels, notified together. Its
 * timer fires first {@code group_wait} after the group is created, then every {@code group_interval}. Not
 * thread-safe: the pipeline guards it.
 */
public final class AggregationGroup {

    private final Route route;
    private final Labels labels;
    private final String key;
    private final Map<Long, StoredAlert> alerts = new LinkedHashMap<>();
    private boolean flushed;
    private Instant nextFlush;

    AggregationGroup(Route route, Labels labels, Instant now) {
        this.route = requireNonNull(route, "route is null");
        this.labels = requireNonNull(labels, "labels is null");
        this.key = route.key() + ":" + GroupKeys.format(labels);
        this.nextFlush = now.plus(route.options().groupWait());
    }

    /**
     * Adds or updates an alert. A group that has not flushed yet flushes at once when the alert started longer
     * than {@code group_wait} ago (as after a restart), so that old alerts are not held back again.
     */
    void insert(StoredAlert alert, Instant now) {
        alerts.put(alert.fingerprint(), alert);
        if (!flushed && alert.startsAt().plus(route.options().groupWait()).isBefore(now) && nextFlush.isAfter(now)) {
            nextFlush = now;
        }
    }

    /** Marks a flush at {@code now} and sets the timer one {@code group_interval} later. */
    void startFlush(Instant now) {
        flushed = true;
        nextFlush = now.plus(route.options().groupInterval());
    }

    /**
     * Removes the alerts of {@code notified} that were resolved at {@code now}, unless they changed since (an alert
     * that fired again during the flush stays).
     *
     * @param dropped where the fingerprints of the removed alerts are added
     */
    void removeResolved(List<StoredAlert> notified, Instant now, List<Long> dropped) {
        for (StoredAlert alert : notified) {
            if (alert.resolvedAt(now) && alerts.remove(alert.fingerprint(), alert)) {
                dropped.add(alert.fingerprint());
            }
        }
    }

    /** The route the group belongs to. */
    public Route route() {
        return route;
    }

    /** The group's labels: the alerts' values of the {@code group_by} labels. */
    public Labels labels() {
        return labels;
    }

    /** The group key, as in Alertmanager: the route's key, a colon, and the group labels. */
    public String key() {
        return key;
    }

    /** The alerts, in the order they joined. */
    public List<StoredAlert> alerts() {
        return List.copyOf(alerts.values());
    }

    /** Whether the group holds the alert {@code fingerprint}. */
    public boolean holds(long fingerprint) {
        return alerts.containsKey(fingerprint);
    }

    /** Whether the group has no alerts left. */
    public boolean isEmpty() {
        return alerts.isEmpty();
    }

    /** When the group's timer fires next. */
    public Instant nextFlush() {
        return nextFlush;
    }
}
