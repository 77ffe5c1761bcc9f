package dev.vigil.alerting.notify;

import dev.vigil.alerting.notify.ack.Acks;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.dispatch.NotificationLog;
import dev.vigil.alerting.notify.silence.Silences;
import dev.vigil.alerting.notify.state.StateStore;
import dev.vigil.alerting.notify.store.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which parts of the pipeline's state changed since they were saved, and saves them. A failed write is
 * logged and tried again later; it never reaches the caller. Not thread-safe: the pipeline guards it.
 */
final class PipelinePersistence {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinePersistence.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final StateStore store;
    private final Duration alertInterval;
    private boolean alertsDirty;
    private boolean alertsMaterial;
    private @Nullable Instant lastAlertSave;
    private @Nullable Instant retryAt;
    private boolean silencesDirty;
    private boolean acksDirty;
    private long savedLogVersion;
    private long savedEscalationVersion;

    PipelinePersistence(StateStore store, Duration alertInterval, long logVersion, long escalationVersion) {
        this.store = store;
        this.alertInterval = alertInterval;
        this.savedLogVersion = logVersion;
        this.savedEscalationVersion = escalationVersion;
    }

    void alertsChanged(boolean material) {
        alertsDirty = true;
        alertsMaterial |= material;
    }

    void silencesChanged() {
        silencesDirty = true;
    }

    void acksChanged() {
        acksDirty = true;
    }

    /** When a save is next due, if one is. */
    Optional<Instant> nextSave() {
        if (retryAt != null) {
            return Optional.of(retryAt);
        }
        if (!alertsMaterial) {
            return Optional.empty();
        }
        return Optional.of(lastAlertSave == null ? Instant.MIN : lastAlertSave.plus(alertInterval));
    }

    /**
     * Saves what changed: everything when {@code force}; otherwise the small files at once and the alerts when
     * a material change waited long enough.
     */
    void save(Instant now, boolean force, AlertStore alerts, Silences silences, Acks acks, NotificationLog log,
            EscalationStates escalations) {
        if (!force && retryAt != null && now.isBefore(retryAt)) {
            return;
        }
        boolean failed = false;
        if (silencesDirty) {
            boolean ok = attempt("silences", () -> store.saveSilences(silences.list()));
            silencesDirty = !ok;
            failed = !ok;
        }
        if (acksDirty) {
            boolean ok = attempt("acknowledgements", () -> store.saveAcks(acks.list()));
            acksDirty = !ok;
            failed |= !ok;
        }
        if (log.version() != savedLogVersion || escalations.version() != savedEscalationVersion) {
            long logVersion = log.version();
            long escalationVersion = escalations.version();
            if (attempt("notification log", () -> store.saveLog(log, escalations))) {
                savedLogVersion = logVersion;
                savedEscalationVersion = escalationVersion;
            } else {
                failed = true;
            }
        }
        boolean alertsDue = alertsMaterial && (lastAlertSave == null || !now.isBefore(lastAlertSave.plus(alertInterval)));
        if (alertsDirty && (force || alertsDue)) {
            if (attempt("alerts", () -> store.saveAlerts(alerts.view(), now))) {
                alertsDirty = false;
                alertsMaterial = false;
                lastAlertSave = now;
            } else {
                failed = true;
            }
        }
        retryAt = failed ? now.plus(RETRY) : null;
    }

    private static boolean attempt(String what, Runnable save) {
        try {
            save.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not save the notification pipeline's {}; trying again later", what, e);
            return false;
        }
    }
}
