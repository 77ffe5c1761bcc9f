package dev.vigil.alerting.notify;

import dev.vigil.alerting.notify.ack.Acks;
import dev.vigil.alerting.notify.dispatch.AggregationGroup;
import dev.vigil.alerting.notify.dispatch.Dispatcher;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.dispatch.NotificationLog;
import dev.vigil.alerting.notify.dispatch.Suppression;
import dev.vigil.alerting.notify.inhibit.Inhibitor;
import dev.vigil.alerting.notify.silence.Silences;
import dev.vigil.alerting.notify.state.StateStore;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.StoredAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the pipeline knows, and the bookkeeping that spans its parts: loading after a restart, forming the
 * groups, what suppresses alerts now, what to save and when the next deadline is. Not thread-safe: the
 * {@link NotificationPipeline} guards it with its lock.
 */
final class PipelineState {

    final AlertStore alerts = new AlertStore();
    final Silences silences = new Silences();
    final Acks acks = new Acks();
    final NotificationLog log = new NotificationLog();
    final EscalationStates escalations = new EscalationStates();
    final PipelinePersistence persistence;
    final Duration retention;
    private final NotificationSink sink;
    private final String externalUrl;
    PipelineConfig config;
    Dispatcher dispatcher;
    Instant lastTick;

    /** The state saved in {@code store}, with the groups formed at {@code now}. */
    PipelineState(NotificationPipelineBuilder builder, NotificationSink sink, PipelineConfig config, StateStore store,
            Instant now) {
        this.sink = sink;
        this.config = config;
        this.externalUrl = builder.externalUrl;
        this.retention = builder.retention;
        this.lastTick = now;
        store.loadSilences().forEach(silences::restore);
        store.loadAcks().forEach(acks::restore);
        store.loadLog(log, escalations);
        StateStore.SavedAlerts saved = store.loadAlerts();
        for (StoredAlert alert : saved.alerts()) {
            alerts.restore(revive(alert, saved.savedAt(), now));
        }
        this.persistence = new PipelinePersistence(store, builder.alertSnapshotInterval, log.version(),
                escalations.version());
        this.dispatcher = newDispatcher(now);
    }

    /** A dispatcher for the current configuration, with every known alert in its groups. */
    Dispatcher newDispatcher(Instant now) {
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

    /** What suppresses alerts at {@code now}; the inhibitor is built on first use. */
    Suppression suppression(Instant now) {
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

    /** The API's views at {@code now}. */
    AlertViews views(Instant now) {
        return new AlertViews(now, alerts, silences, acks, config, dispatcher, escalations);
    }

    /** The alerts of the groups with key {@code groupKey}. */
    List<StoredAlert> groupAlerts(String groupKey) {
        List<StoredAlert> out = new ArrayList<>();
        for (AggregationGroup group : dispatcher.groups()) {
            if (group.key().equals(groupKey)) {
                out.addAll(group.alerts());
            }
        }
        return out;
    }

    /** Forgets, at {@code now}, resolved alerts that no group holds any more and state past its retention. */
    void collectGarbage(List<Long> dropped, Instant now) {
        for (long fingerprint : dropped) {
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
    }

    /** Writes the small files that changed (silences, acknowledgements, the notification log). */
    void saveSmall(Instant now) {
        persistence.saveSmall(now, silences, acks, log, escalations);
    }

    /** When something is next due: a group, an escalation, a save or an acknowledgement lapsing. */
    Optional<Instant> deadline() {
        Optional<Instant> next = earliest(dispatcher.nextDeadline(), persistence.nextSave());
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
