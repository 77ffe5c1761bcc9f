package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.NotificationSink;
import dev.vigil.alerting.notify.escalation.EscalationPolicy;
import dev.vigil.alerting.notify.escalation.EscalationTier;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.alerting.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies one group: the stages Alertmanager runs on a flush (inhibition, time intervals, silences, then the
 * notification log's verdict for each receiver), plus acknowledgements and escalation. Not thread-safe: the
 * pipeline guards it.
 */
final class GroupNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(GroupNotifier.class);

    private final NotificationSink sink;
    private final NotificationLog log;
    private final EscalationStates escalations;
    private final NotificationFactory factory;

    GroupNotifier(NotificationSink sink, NotificationLog log, EscalationStates escalations, String externalUrl) {
        this.sink = requireNonNull(sink, "sink is null");
        this.log = requireNonNull(log, "log is null");
        this.escalations = requireNonNull(escalations, "escalations is null");
        this.factory = new NotificationFactory(externalUrl);
    }

    /**
     * Flushes {@code group} at {@code now}: notifies every receiver that has something new to hear and, when all
     * went to the outbox, drops the resolved alerts that were reported; then moves the escalation on.
     *
     * @param dropped where the fingerprints of the alerts the group let go of are added
     */
    void flush(AggregationGroup group, Instant now, Suppression suppression, List<Long> dropped) {
        group.startFlush(now);
        List<StoredAlert> alerts = group.alerts();
        if (alerts.isEmpty()) {
            return;
        }
        if (notify(group, alerts, receivers(group), now, suppression)) {
            group.removeResolved(alerts, now, dropped);
        }
        escalate(group, now, suppression);
    }

    /** The receivers that hear about {@code group}: the route's, then those of the tiers reached. */
    List<String> receivers(AggregationGroup group) {
        Set<String> receivers = new LinkedHashSet<>();
        receivers.add(group.route().options().receiver());
        group.route().options().escalation().ifPresent(policy -> {
            int reached = Math.min(escalations.get(group.key()).tiersReached(), policy.tiers().size());
            for (int i = 0; i < reached; i++) {
                receivers.add(policy.tiers().get(i).receiver());
            }
        });
        return List.copyOf(receivers);
    }

    /** When the group's next escalation tier is due, if one is. */
    Optional<Instant> escalationDue(AggregationGroup group) {
        Optional<EscalationPolicy> policy = group.route().options().escalation();
        EscalationState state = escalations.get(group.key());
        if (policy.isEmpty() || state.unackedSince().isEmpty() || state.tiersReached() >= policy.get().tiers().size()) {
            return Optional.empty();
        }
        return Optional.of(state.unackedSince().get().plus(policy.get().tiers().get(state.tiersReached()).after()));
    }

    /**
     * Moves the group's escalation on at {@code now}: starts or stops the unacknowledged clock, and notifies each
     * tier whose delay has passed.
     */
    void escalate(AggregationGroup group, Instant now, Suppression suppression) {
        Optional<EscalationPolicy> policy = group.route().options().escalation();
        if (policy.isEmpty()) {
            return;
        }
        List<StoredAlert> alerts = group.alerts();
        boolean unacknowledged = visible(alerts, suppression).stream()
                .anyMatch(a -> !a.resolvedAt(now) && !suppression.acknowledged(a));
        boolean notified = log.get(group.key(), group.route().options().receiver())
                .map(e -> !e.firing().isEmpty()).orElse(false);
        EscalationState state = escalations.get(group.key());
        Optional<Instant> since = unacknowledged && notified
                ? Optional.of(state.unackedSince().orElse(now)) : Optional.empty();
        int reached = state.tiersReached();
        List<EscalationTier> tiers = policy.get().tiers();
        if (since.isPresent() && !group.route().mutedAt(now)) {
            while (reached < tiers.size() && !now.isBefore(since.get().plus(tiers.get(reached).after()))) {
                EscalationTier tier = tiers.get(reached++);
                LOG.info("Escalating group {} to receiver {} after {} unacknowledged", group.key(), tier.receiver(),
                        Duration.between(since.get(), now));
                escalations.put(group.key(), new EscalationState(since, reached));
                notify(group, alerts, List.of(tier.receiver()), now, suppression);
            }
        }
        escalations.put(group.key(), new EscalationState(since, reached));
    }

    /**
     * The notices that {@code group} is acknowledged, one per receiver told it fires, when every visible firing
     * alert of it is acknowledged; none otherwise.
     */
    List<Notification> acknowledgement(AggregationGroup group, Instant now, Suppression suppression) {
        List<StoredAlert> firing = new ArrayList<>();
        for (StoredAlert alert : visible(group.alerts(), suppression)) {
            if (!alert.resolvedAt(now)) {
                if (!suppression.acknowledged(alert)) {
                    return List.of();
                }
                firing.add(alert);
            }
        }
        List<Notification> notices = new ArrayList<>();
        if (firing.isEmpty()) {
            return notices;
        }
        for (String receiver : receivers(group)) {
            if (log.get(group.key(), receiver).map(e -> !e.firing().isEmpty()).orElse(false)) {
                notices.add(factory.acknowledgement(group, receiver, firing, now));
            }
        }
        return notices;
    }

    /** Forgets the escalation of a group that is gone. */
    void forget(AggregationGroup group) {
        escalations.put(group.key(), EscalationState.NONE);
    }

    private boolean notify(AggregationGroup group, List<StoredAlert> alerts, List<String> receivers, Instant now,
            Suppression suppression) {
        if (group.route().mutedAt(now)) {
            return true;
        }
        List<StoredAlert> visible = visible(alerts, suppression);
        if (visible.isEmpty()) {
            return true;
        }
        Set<Long> firing = new HashSet<>();
        Set<Long> resolved = new HashSet<>();
        boolean unacknowledged = false;
        for (StoredAlert alert : visible) {
            if (alert.resolvedAt(now)) {
                resolved.add(alert.fingerprint());
            } else {
                firing.add(alert.fingerprint());
                unacknowledged |= !suppression.acknowledged(alert);
            }
        }
        boolean delivered = true;
        Duration repeat = group.route().options().repeatInterval();
        for (String receiver : receivers) {
            Optional<LogEntry> previous = log.get(group.key(), receiver);
            if (!needsUpdate(previous.orElse(null), firing, resolved, repeat, now, unacknowledged)) {
                continue;
            }
            Notification notification = factory.build(group, receiver, visible, now, previous);
            try {
                sink.submit(notification);
                log.record(group.key(), receiver, firing, resolved, now);
            } catch (RuntimeException e) {
                // The resolved alerts stay in the group and the log unchanged, so the next flush tries again.
                delivered = false;
                LOG.warn("Could not hand the notification of group {} for receiver {} to the outbox: {}", group.key(),
                        receiver, e.toString());
            }
        }
        return delivered;
    }

    /**
     * Alertmanager's decision: notify the first time something fires; when alerts fire that the receiver was not
     * told about; when all have resolved after it was told some fired; when some resolved that it was not told
     * about; and otherwise only when the repeat interval has passed since the last notification (strictly, so the
     * repeat happens at the first flush after it), which here also needs an unacknowledged firing alert.
     */
    static boolean needsUpdate(@Nullable LogEntry previous, Set<Long> firing, Set<Long> resolved, Duration repeat,
            Instant now, boolean unacknowledged) {
        if (previous == null) {
            return !firing.isEmpty();
        }
        if (!previous.firing().containsAll(firing)) {
            return true;
        }
        if (firing.isEmpty()) {
            return !previous.firing().isEmpty();
        }
        if (!previous.resolved().containsAll(resolved)) {
            return true;
        }
        return unacknowledged && previous.timestamp().isBefore(now.minus(repeat));
    }

    private static List<StoredAlert> visible(List<StoredAlert> alerts, Suppression suppression) {
        List<StoredAlert> visible = new ArrayList<>(alerts.size());
        for (StoredAlert alert : alerts) {
            if (!suppression.inhibited(alert) && !suppression.silenced(alert)) {
                visible.add(alert);
            }
        }
        return visible;
    }
}
