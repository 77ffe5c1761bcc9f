package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.NotificationSink;
import dev.vigil.alerting.notify.route.Route;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sorts alerts into aggregation groups by route and group labels, and flushes each group when its timer fires,
 * as Alertmanager's dispatcher does. Time never passes by itself here: {@link #tick} does what is due at the
 * instant it is given, and {@link #nextDeadline} says when that will next be. Not thread-safe: the pipeline
 * guards it.
 */
public final class Dispatcher {

    private final Route root;
    private final GroupNotifier notifier;
    // Routes compare by identity, which is what is wanted: one tree per dispatcher.
    private final Map<Route, Map<Labels, AggregationGroup>> groups = new LinkedHashMap<>();
    private boolean escalationsStale;

    /**
     * A dispatcher for the tree under {@code root}, whose notifications go to {@code sink}.
     *
     * @param log the notification log, kept across dispatchers (a new configuration makes a new dispatcher)
     * @param escalations the groups' escalation states, kept across dispatchers
     * @param externalUrl the URL notifications link back to
     */
    public Dispatcher(Route root, NotificationSink sink, NotificationLog log, EscalationStates escalations,
            String externalUrl) {
        this.root = requireNonNull(root, "root is null");
        this.notifier = new GroupNotifier(sink, log, escalations, externalUrl);
    }

    /** Puts {@code alert} into the group of every route it matches, creating groups as needed. */
    public void insert(StoredAlert alert, Instant now) {
        for (Route route : root.match(alert.labels())) {
            Labels groupLabels = route.groupLabels(alert.labels());
            groups.computeIfAbsent(route, r -> new LinkedHashMap<>())
                    .computeIfAbsent(groupLabels, l -> new AggregationGroup(route, l, now))
                    .insert(alert, now);
        }
    }

    /** Asks for every group's escalation to be looked at on the next tick (after an acknowledgement changed). */
    public void recheckEscalations() {
        escalationsStale = true;
    }

    /**
     * Does what is due at {@code now}: flushes the groups whose timer has fired, oldest deadline first, and
     * notifies the escalation tiers that are due.
     *
     * @return the fingerprints of the resolved alerts that groups let go of after notifying them; an alert no
     *     group {@link #holds} any more can be forgotten
     */
    public List<Long> tick(Instant now, Suppression suppression) {
        List<Long> dropped = new ArrayList<>();
        List<AggregationGroup> due = new ArrayList<>();
        for (Map<Labels, AggregationGroup> byLabels : groups.values()) {
            for (AggregationGroup group : byLabels.values()) {
                if (!group.nextFlush().isAfter(now)) {
                    due.add(group);
                }
            }
        }
        due.sort(Comparator.comparing(AggregationGroup::nextFlush));
        for (AggregationGroup group : due) {
            notifier.flush(group, now, suppression, dropped);
            if (group.isEmpty()) {
                remove(group);
            }
        }
        boolean all = escalationsStale;
        escalationsStale = false;
        for (AggregationGroup group : groups()) {
            if (all && group.route().options().escalation().isPresent()
                    || notifier.escalationDue(group).filter(t -> !t.isAfter(now)).isPresent()) {
                notifier.escalate(group, now, suppression);
            }
        }
        return dropped;
    }

    /** When something is next due: a group's timer or an escalation tier. */
    public Optional<Instant> nextDeadline() {
        Instant next = null;
        for (AggregationGroup group : groups()) {
            next = earlier(next, group.nextFlush());
            Optional<Instant> escalation = notifier.escalationDue(group);
            if (escalation.isPresent()) {
                next = earlier(next, escalation.get());
            }
        }
        return Optional.ofNullable(next);
    }

    /** Whether a group still holds the alert {@code fingerprint} (it must not be forgotten yet). */
    public boolean holds(long fingerprint) {
        for (Map<Labels, AggregationGroup> byLabels : groups.values()) {
            for (AggregationGroup group : byLabels.values()) {
                if (group.holds(fingerprint)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The notices that groups holding one of {@code fingerprints} are now acknowledged as a whole, one per receiver
     * that was told they fire.
     */
    public List<Notification> acknowledgements(Collection<Long> fingerprints, Instant now, Suppression suppression) {
        List<Notification> notices = new ArrayList<>();
        for (AggregationGroup group : groups()) {
            if (fingerprints.stream().anyMatch(group::holds)) {
                notices.addAll(notifier.acknowledgement(group, now, suppression));
            }
        }
        return notices;
    }

    /** Every group, route by route in the order created. */
    public List<AggregationGroup> groups() {
        List<AggregationGroup> all = new ArrayList<>();
        groups.values().forEach(byLabels -> all.addAll(byLabels.values()));
        return all;
    }

    /** The receivers that hear about {@code group}: its route's and those of the escalation tiers reached. */
    public List<String> receivers(AggregationGroup group) {
        return notifier.receivers(group);
    }

    /** The routing tree. */
    public Route root() {
        return root;
    }

    private void remove(AggregationGroup group) {
        Map<Labels, AggregationGroup> byLabels = groups.get(group.route());
        byLabels.remove(group.labels(), group);
        if (byLabels.isEmpty()) {
            groups.remove(group.route());
        }
        notifier.forget(group);
    }

    private static Instant earlier(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
