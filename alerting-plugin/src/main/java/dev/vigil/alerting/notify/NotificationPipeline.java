package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.alerting.notify.state.StateStore;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.Notification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification pipeline: Alertmanager's routing, grouping, timers, inhibition, silences and time intervals,
 * plus acknowledgements, escalation and recurring silences. Alerts come in through {@link #receive}; what must be
 * sent goes to the {@link NotificationSink}. Time passes only through {@link #tick}, which a
 * {@link PipelineDriver} calls when {@link #nextDeadline} comes; the API reads and changes the state through the
 * query and command methods here.
 *
 * <p>The state (alerts, silences, acknowledgements, the notification log and escalations) is saved in the data
 * directory as it changes and reloaded by the next pipeline built on it. Thread-safe: every method takes one lock.
 */
public final class NotificationPipeline implements AlertReceiver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPipeline.class);

    private final Object lock = new Object();
    /** Held while the alerts file is written, outside {@link #lock}, so that copies are written in order. */
    private final Object alertWrite = new Object();
    private final Clock clock;
    private final AcknowledgementSink acknowledgementSink;
    private final PipelineState state;
    private boolean closed;
    private volatile Consumer<Instant> deadlineListener = deadline -> {};

    NotificationPipeline(NotificationPipelineBuilder builder) {
        this.clock = builder.clock;
        this.acknowledgementSink = builder.acknowledgementSink;
        this.state = new PipelineState(builder, requireNonNull(builder.sink, "sink"),
                requireNonNull(builder.config, "config"),
                new StateStore(requireNonNull(builder.dataDirectory, "dataDirectory")), clock.instant());
        LOG.info("Notification pipeline started with {} alerts, {} silences, {} acknowledgements", state.alerts.size(),
                state.silences.list().size(), state.acks.list().size());
    }

    /** A new builder. */
    public static NotificationPipelineBuilder builder() {
        return new NotificationPipelineBuilder();
    }

    /**
     * Takes in alerts. Each is merged with what is known by fingerprint and put into its groups; an alert without
     * labels, or that ends before it starts, is logged and skipped. Never throws for a bad alert.
     */
    @Override
    public void receive(List<Alert> incoming) {
        Optional<Instant> deadline;
        int skipped = 0;
        synchronized (lock) {
            if (closed) {
                LOG.warn("Dropping {} alerts received after the notification pipeline closed", incoming.size());
                return;
            }
            Instant now = clock.instant();
            for (Alert alert : incoming) {
                StoredAlert stored;
                try {
                    stored = StoredAlert.received(alert, now, state.config.resolveTimeout());
                } catch (IllegalArgumentException e) {
                    skipped++;
                    LOG.debug("Skipping an invalid alert: {}", e.getMessage());
                    continue;
                }
                AlertStore.Put put = state.alerts.put(stored);
                state.dispatcher.insert(put.stored(), now);
                state.persistence.alertsChanged(put.material());
            }
            deadline = state.deadline();
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} invalid alerts (no labels, or ending before they start)", skipped);
        }
        deadline.ifPresent(deadlineListener);
    }

    /**
     * Does what is due now: flushes groups whose timers fired, notifies escalation tiers, forgets resolved alerts
     * that were notified, expired silences and lapsed acknowledgements, and saves what changed.
     */
    public void tick() {
        synchronized (alertWrite) {
            Optional<PipelinePersistence.AlertSnapshot> snapshot;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                Instant now = clock.instant();
                if (state.acks.nextExpiry(state.lastTick).filter(t -> !t.isAfter(now)).isPresent()) {
                    state.dispatcher.recheckEscalations();
                }
                state.collectGarbage(state.dispatcher.tick(now, state.suppression(now)), now);
                state.saveSmall(now);
                state.lastTick = now;
                snapshot = state.persistence.takeAlerts(now, false, state.alerts);
            }
            if (snapshot.isPresent()) {
                boolean ok = state.persistence.write(snapshot.get());
                synchronized (lock) {
                    state.persistence.alertsWritten(ok, clock.instant());
                }
            }
        }
    }

    /** When {@link #tick} next has something to do, if ever. */
    public Optional<Instant> nextDeadline() {
        synchronized (lock) {
            return state.deadline();
        }
    }

    /**
     * Switches to a new configuration. The groups are formed anew under the new routes (as after Alertmanager
     * reloads its configuration); the notification log keeps them from repeating what was sent.
     */
    public void reconfigure(PipelineConfig config) {
        requireNonNull(config, "config is null");
        Optional<Instant> deadline;
        synchronized (lock) {
            state.config = config;
            state.dispatcher = state.newDispatcher(clock.instant());
            deadline = state.deadline();
        }
        deadline.ifPresent(deadlineListener);
    }

    /** The configuration in use. */
    public PipelineConfig config() {
        synchronized (lock) {
            return state.config;
        }
    }

    /** The clock the pipeline reads time from. */
    public Clock clock() {
        return clock;
    }

    /** The alerts that have not resolved and that {@code query} selects, in label order. */
    public List<AlertView> alerts(AlertQuery query) {
        synchronized (lock) {
            return state.views(clock.instant()).views(state.alerts.all(), query);
        }
    }

    /** The groups with at least one alert {@code query} selects, with those alerts. */
    public List<GroupView> groups(AlertQuery query) {
        synchronized (lock) {
            return state.views(clock.instant()).groups(query);
        }
    }

    /** Every silence, expired ones included until they are forgotten, in the order created. */
    public List<Silence> silences() {
        synchronized (lock) {
            return state.silences.list();
        }
    }

    /** The silence {@code id}. */
    public Optional<Silence> silence(String id) {
        synchronized (lock) {
            return state.silences.get(id);
        }
    }

    /**
     * Creates a silence, one-off or recurring.
     *
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException naming every problem with the request
     */
    public Silence createSilence(SilenceRequest request) {
        Silence silence;
        synchronized (lock) {
            Instant now = clock.instant();
            silence = state.silences.create(request, now);
            silencesChanged(now);
        }
        LOG.info("Silence {} created by {} for {}", silence.id(), silence.createdBy(), silence.matchers());
        deadlineListener.accept(clock.instant());
        return silence;
    }

    /** Expires the silence {@code id} now; returns it, or empty when there is none. */
    public Optional<Silence> expireSilence(String id) {
        Optional<Silence> silence;
        synchronized (lock) {
            Instant now = clock.instant();
            silence = state.silences.expire(id, now);
            if (silence.isPresent()) {
                silencesChanged(now);
            }
        }
        silence.ifPresent(s -> deadlineListener.accept(clock.instant()));
        return silence;
    }

    /** The acknowledgements that hold now. */
    public List<Ack> acknowledgements() {
        synchronized (lock) {
            Instant now = clock.instant();
            List<Ack> out = new ArrayList<>();
            for (StoredAlert alert : state.alerts.view()) {
                state.acks.holding(alert, now).ifPresent(out::add);
            }
            return out;
        }
    }

    /**
     * Acknowledges the alert with fingerprint {@code fingerprint} (16 hexadecimal digits): it stops repeating
     * and escalating until it resolves or the acknowledgement expires.
     *
     * @return the acknowledgement, or empty when no such alert is known
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException if the alert has resolved, {@code by} is blank
     *     or the expiry is not in the future
     * @throws IllegalArgumentException if {@code fingerprint} is not a fingerprint
     */
    public Optional<Ack> acknowledge(String fingerprint, String by, String comment, Optional<Instant> expiresAt) {
        long fp = Fingerprints.parse(fingerprint);
        Optional<Ack> ack;
        List<Notification> notices = List.of();
        synchronized (lock) {
            Instant now = clock.instant();
            ack = state.alerts.get(fp).map(a -> state.acks.acknowledge(a, by, comment, expiresAt, now));
            if (ack.isPresent()) {
                notices = acknowledgementsChanged(List.of(fp), now);
            }
        }
        announce(notices);
        return ack;
    }

    /**
     * Acknowledges every firing alert of the groups with key {@code groupKey}.
     *
     * @return the acknowledgements made; empty when there is no such group or nothing in it fires
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException if {@code by} is blank or the expiry is not in
     *     the future
     */
    public List<Ack> acknowledgeGroup(String groupKey, String by, String comment, Optional<Instant> expiresAt) {
        List<Ack> made = new ArrayList<>();
        List<Notification> notices = List.of();
        synchronized (lock) {
            Instant now = clock.instant();
            List<Long> fingerprints = new ArrayList<>();
            for (StoredAlert alert : state.groupAlerts(groupKey)) {
                if (!alert.resolvedAt(now)) {
                    made.add(state.acks.acknowledge(alert, by, comment, expiresAt, now));
                    fingerprints.add(alert.fingerprint());
                }
            }
            if (!made.isEmpty()) {
                notices = acknowledgementsChanged(fingerprints, now);
            }
        }
        announce(notices);
        return made;
    }

    /** Withdraws the acknowledgement of the alert {@code fingerprint}; returns it, or empty when there was none. */
    public Optional<Ack> unacknowledge(String fingerprint) {
        long fp = Fingerprints.parse(fingerprint);
        Optional<Ack> removed;
        synchronized (lock) {
            removed = state.acks.withdraw(fp);
            if (removed.isPresent()) {
                acknowledgementsChanged(List.of(), clock.instant());
            }
        }
        removed.ifPresent(a -> deadlineListener.accept(clock.instant()));
        return removed;
    }

    /** Withdraws the acknowledgements of the alerts of the groups with key {@code groupKey}; returns them. */
    public List<Ack> unacknowledgeGroup(String groupKey) {
        List<Ack> removed = new ArrayList<>();
        synchronized (lock) {
            for (StoredAlert alert : state.groupAlerts(groupKey)) {
                state.acks.withdraw(alert.fingerprint()).ifPresent(removed::add);
            }
            if (!removed.isEmpty()) {
                acknowledgementsChanged(List.of(), clock.instant());
            }
        }
        if (!removed.isEmpty()) {
            deadlineListener.accept(clock.instant());
        }
        return removed;
    }

    /** Saves everything and stops taking alerts; idempotent. */
    @Override
    public void close() {
        synchronized (alertWrite) {
            synchronized (lock) {
                if (!closed) {
                    closed = true;
                    Instant now = clock.instant();
                    state.saveSmall(now);
                    state.persistence.takeAlerts(now, true, state.alerts).ifPresent(state.persistence::write);
                    LOG.info("Notification pipeline closed");
                }
            }
        }
    }

    /** Sets who is told when the next deadline may have moved earlier; the driver. */
    void onDeadline(@Nullable Consumer<Instant> listener) {
        deadlineListener = listener == null ? deadline -> {} : listener;
    }

    private void silencesChanged(Instant now) {
        state.persistence.silencesChanged();
        state.dispatcher.recheckEscalations();
        state.saveSmall(now);
    }

    /** Saves the acknowledgements and returns the notices for the groups now acknowledged as a whole. */
    private List<Notification> acknowledgementsChanged(List<Long> acknowledged, Instant now) {
        state.persistence.acksChanged();
        state.dispatcher.recheckEscalations();
        state.saveSmall(now);
        return acknowledged.isEmpty() ? List.of()
                : state.dispatcher.acknowledgements(acknowledged, now, state.suppression(now));
    }

    private void announce(List<Notification> notices) {
        for (Notification notice : notices) {
            try {
                acknowledgementSink.acknowledged(notice);
            } catch (RuntimeException e) {
                LOG.warn("Could not pass on the acknowledgement of group {} for receiver {}", notice.groupKey(),
                        notice.receiver(), e);
            }
        }
        deadlineListener.accept(clock.instant());
    }
}
