package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.alerting.notify.ack.Acks;
import dev.vigil.alerting.notify.dispatch.AggregationGroup;
import dev.vigil.alerting.notify.dispatch.Dispatcher;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.dispatch.NotificationLog;
import dev.vigil.alerting.notify.dispatch.Suppression;
import dev.vigil.alerting.notify.inhibit.Inhibitor;
import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.alerting.notify.silence.Silences;
import dev.vigil.alerting.notify.state.StateStore;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.alerting.Alert;
import java.time.Clock;
import java.time.Duration;
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
    private final Clock clock;
    private final NotificationSink sink;
    private final String externalUrl;
    private final Duration retention;
    private final StateStore state;
    private final AlertStore alerts = new AlertStore();
    private final Silences silences = new Silences();
    private final Acks acks = new Acks();
    private final NotificationLog log = new NotificationLog();
    private final EscalationStates escalations = new EscalationStates();
    private final PipelinePersistence persistence;
    private PipelineConfig config;
    private Dispatcher dispatcher;
    private Instant lastTick;
    private boolean closed;
    private volatile Consumer<Instant> deadlineListener = deadline -> {};

    NotificationPipeline(NotificationPipelineBuilder builder) {
        this.clock = builder.clock;
        this.sink = requireNonNull(builder.sink, "sink");
        this.externalUrl = builder.externalUrl;
        this.retention = builder.retention;
        this.config = requireNonNull(builder.config, "config");
        this.state = new StateStore(requireNonNull(builder.dataDirectory, "dataDirectory"));
        Instant now = clock.instant();
        this.lastTick = now;
        state.loadSilences().forEach(silences::restore);
        state.loadAcks().forEach(acks::restore);
        state.loadLog(log, escalations);
        StateStore.SavedAlerts saved = state.loadAlerts();
        for (StoredAlert alert : saved.alerts()) {
            alerts.restore(revive(alert, saved.savedAt(), now));
        }
        this.persistence = new PipelinePersistence(state, builder.alertSnapshotInterval, log.version(),
                escalations.version());
        this.dispatcher = newDispatcher(now);
        LOG.info("Notification pipeline started with {} alerts, {} silences, {} acknowledgements", alerts.size(),
                silences.list().size(), acks.list().size());
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
                    stored = StoredAlert.received(alert, now, config.resolveTimeout());
                } catch (IllegalArgumentException e) {
                    skipped++;
                    LOG.debug("Skipping an invalid alert: {}", e.getMessage());
                    continue;
                }
                AlertStore.Put put = alerts.put(stored);
                dispatcher.insert(put.stored(), now);
                persistence.alertsChanged(put.material());
            }
            save(now, false);
            deadline = deadlineLocked();
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
        synchronized (lock) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            if (acks.nextExpiry(lastTick).filter(t -> !t.isAfter(now)).isPresent()) {
                dispatcher.recheckEscalations();
            }
            for (long fingerprint : dispatcher.tick(now, suppression(now))) {
                Optional<StoredAlert> alert = alerts.get(fingerprint);
                if (alert.isPresent() && alert.get().resolvedAt(now) && !dispatcher.holds(fingerprint)) {
                    alerts.remove(fingerprint);
                    persistence.alertsChanged(true);
                }
            }
            if (silences.collectGarbage(now, retention)) {
                persistence.silencesChanged();
            }
            if (acks.collectGarbage(alerts, now)) {
                persistence.acksChanged();
            }
            log.collectGarbage(now, retention);
            save(now, false);
            lastTick = now;
        }
    }

    /** When {@link #tick} next has something to do, if ever. */
    public Optional<Instant> nextDeadline() {
        synchronized (lock) {
            return deadlineLocked();
        }
    }

    /**
     * Switches to a new configuration. The groups are formed anew under the new routes (as after Alertmanager
     * reloads its configuration); the notification log keeps them from repeating what was sent.
     */
    public void reconfigure(PipelineConfig newConfig) {
        requireNonNull(newConfig, "newConfig is null");
        Optional<Instant> deadline;
        synchronized (lock) {
            config = newConfig;
            dispatcher = newDispatcher(clock.instant());
            deadline = deadlineLocked();
        }
        deadline.ifPresent(deadlineListener);
    }

    /** The configuration in use. */
    public PipelineConfig config() {
        synchronized (lock) {
            return config;
        }
    }

    /** The clock the pipeline reads time from. */
    public Clock clock() {
        return clock;
    }

    // ---- queries --------------------------------------------------------------------------------------------

    /** The alerts that have not resolved and that {@code query} selects, in label order. */
    public List<AlertView> alerts(AlertQuery query) {
        synchronized (lock) {
            return views().views(alerts.all(), query);
        }
    }

    /** The groups with at least one alert {@code query} selects, with those alerts. */
    public List<GroupView> groups(AlertQuery query) {
        synchronized (lock) {
            return views().groups(query);
        }
    }

    /** Every silence, expired ones included until they are forgotten, in the order created. */
    public List<Silence> silences() {
        synchronized (lock) {
            return silences.list();
        }
    }

    /** The silence {@code id}. */
    public Optional<Silence> silence(String id) {
        synchronized (lock) {
            return silences.get(id);
        }
    }

    /** The acknowledgements that hold now. */
    public List<Ack> acknowledgements() {
        synchronized (lock) {
            Instant now = clock.instant();
            List<Ack> out = new ArrayList<>();
            for (StoredAlert alert : alerts.view()) {
                acks.holding(alert, now).ifPresent(out::add);
            }
            return out;
        }
    }

    // ---- commands -------------------------------------------------------------------------------------------

    /**
     * Creates a silence, one-off or recurring.
     *
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException naming every problem with the request
     */
    public Silence createSilence(SilenceRequest request) {
        Silence silence;
        synchronized (lock) {
            Instant now = clock.instant();
            silence = silences.create(request, now);
            persistence.silencesChanged();
            dispatcher.recheckEscalations();
            save(now, false);
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
            silence = silences.expire(id, now);
            if (silence.isPresent()) {
                persistence.silencesChanged();
                dispatcher.recheckEscalations();
                save(now, false);
            }
        }
        silence.ifPresent(s -> deadlineListener.accept(clock.instant()));
        return silence;
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
        synchronized (lock) {
            Instant now = clock.instant();
            Optional<StoredAlert> alert = alerts.get(fp);
            ack = alert.map(a -> acks.acknowledge(a, by, comment, expiresAt, now));
            ack.ifPresent(a -> acknowledgementsChanged(now));
        }
        ack.ifPresent(a -> deadlineListener.accept(clock.instant()));
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
        synchronized (lock) {
            Instant now = clock.instant();
            for (StoredAlert alert : groupAlerts(groupKey)) {
                if (!alert.resolvedAt(now)) {
                    made.add(acks.acknowledge(alert, by, comment, expiresAt, now));
                }
            }
            if (!made.isEmpty()) {
                acknowledgementsChanged(now);
            }
        }
        if (!made.isEmpty()) {
            deadlineListener.accept(clock.instant());
        }
        return made;
    }

    /** Withdraws the acknowledgement of the alert {@code fingerprint}; returns it, or empty when there was none. */
    public Optional<Ack> unacknowledge(String fingerprint) {
        long fp = Fingerprints.parse(fingerprint);
        Optional<Ack> removed;
        synchronized (lock) {
            removed = acks.withdraw(fp);
            removed.ifPresent(a -> acknowledgementsChanged(clock.instant()));
        }
        removed.ifPresent(a -> deadlineListener.accept(clock.instant()));
        return removed;
    }

    /** Withdraws the acknowledgements of the alerts of the groups with key {@code groupKey}; returns them. */
    public List<Ack> unacknowledgeGroup(String groupKey) {
        List<Ack> removed = new ArrayList<>();
        synchronized (lock) {
            for (StoredAlert alert : groupAlerts(groupKey)) {
                acks.withdraw(alert.fingerprint()).ifPresent(removed::add);
            }
            if (!removed.isEmpty()) {
                acknowledgementsChanged(clock.instant());
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
        synchronized (lock) {
            if (!closed) {
                closed = true;
                save(clock.instant(), true);
                LOG.info("Notification pipeline closed");
            }
        }
    }

    /** Sets who is told when the next deadline may have moved earlier; the driver. */
    void onDeadline(@Nullable Consumer<Instant> listener) {
        deadlineListener = listener == null ? deadline -> {} : listener;
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private Dispatcher newDispatcher(Instant now) {
        Dispatcher created = new Dispatcher(config.route(), sink, log, escalations, externalUrl);
        for (StoredAlert alert : alerts.view()) {
            created.insert(alert, now);
        }
        created.recheckEscalations();
        return created;
    }

    /**
     * An alert as loaded after a restart. One that was firing by timeout when saved gets a fresh timeout, as if
     * it had just been received: its sender is starting again too and will confirm or drop it, and it should not
     * be reported resolved merely because the platform was down.
     */
    private StoredAlert revive(StoredAlert alert, Optional<Instant> savedAt, Instant now) {
        if (alert.timeout() && savedAt.isPresent() && alert.endsAt().isAfter(savedAt.get())) {
            Instant renewed = now.plus(config.resolveTimeout());
            return renewed.isAfter(alert.endsAt()) ? alert.withEndsAt(renewed) : alert;
        }
        return alert;
    }

    private Suppression suppression(Instant now) {
        return new Suppression() {
            private @Nullable Inhibitor inhibitor;

            @Override
            public boolean inhibited(StoredAlert alert) {
                if (config.inhibitRules().isEmpty()) {
                    return false;
                }
                if (inhibitor == null) {
                    inhibitor = Inhibitor.index(config.inhibitRules(), alerts.view(), now);
                }
                return inhibitor.inhibitedBy(alert.labels()).isPresent();
            }

            @Override
            public boolean silenced(StoredAlert alert) {
                return silences.mutes(alert.labels(), now);
            }

            @Override
            public boolean acknowledged(StoredAlert alert) {
                return acks.holds(alert, now);
            }
        };
    }

    private AlertViews views() {
        return new AlertViews(clock.instant(), alerts, silences, acks, config, dispatcher, escalations);
    }

    private List<StoredAlert> groupAlerts(String groupKey) {
        List<StoredAlert> out = new ArrayList<>();
        for (AggregationGroup group : dispatcher.groups()) {
            if (group.key().equals(groupKey)) {
                out.addAll(group.alerts());
            }
        }
        return out;
    }

    private void acknowledgementsChanged(Instant now) {
        persistence.acksChanged();
        dispatcher.recheckEscalations();
        save(now, false);
    }

    private void save(Instant now, boolean force) {
        persistence.save(now, force, alerts, silences, acks, log, escalations);
    }

    private Optional<Instant> deadlineLocked() {
        Optional<Instant> next = dispatcher.nextDeadline();
        next = earliest(next, persistence.nextSave());
        return earliest(next, acks.nextExpiry(lastTick));
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
