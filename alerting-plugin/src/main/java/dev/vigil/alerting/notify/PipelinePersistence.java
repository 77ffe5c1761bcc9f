package dev.vigil.alerting.notify;

import dev.vigil.alerting.notify.ack.Acks;
import dev.vigil.alerting.notify.dispatch.EscalationStates;
import dev.vigil.alerting.notify.dispatch.NotificationLog;
import dev.vigil.alerting.notify.silence.Silences;
import dev.vigil.alerting.notify.state.StateStore;
import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.StoredAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which parts of the pipeline's state changed since they were saved, and saves them. The small files
 * (silences, acknowledgements, the notification log) are written as soon as they change. The alerts, which may be
 * many, are written at most once per snapshot interval after a change a restart must not lose, from a copy taken
 * under the lock and written outside it. A failed write is logged and tried again a second later; it never
 * reaches the caller. Not thread-safe: the pipeline guards it (the alert write itself excepted).
 */
final class PipelinePersistence {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinePersistence.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Alerts copied for writing, as of {@code at}. */
    record AlertSnapshot(List<StoredAlert> alerts, Instant at) {}

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
        return Optional.of(lastAlertSave == null ? Instant.EPOCH : lastAlertSave.plus(alertInterval));
    }

    /** Writes the small files that changed. */
    void saveSmall(Instant now, Silences silences, Acks acks, NotificationLog log, EscalationStates escalations) {
        boolean failed = false;
        if (silencesDirty) {
            silencesDirty = !attempt("silences", () -> store.saveSilences(silences.list()));
            failed = silencesDirty;
        }
        if (acksDirty) {
            acksDirty = !attempt("acknowledgements", () -> store.saveAcks(acks.list()));
            failed |= acksDirty;
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
        retryAt = failed ? now.plus(RETRY) : null;
    }

    /**
     * A copy of the alerts to write outside the lock, when they changed and (unless {@code force}) a change a
     * restart must not lose waited long enough; the changes count as saved until {@link #alertsWritten} says
     * otherwise.
     */
    Optional<AlertSnapshot> takeAlerts(Instant now, boolean force, AlertStore alerts) {
        boolean due = alertsMaterial && (lastAlertSave == null || !now.isBefore(lastAlertSave.plus(alertInterval)));
        if (!alertsDirty || !(force || due)) {
            return Optional.empty();
        }
        alertsDirty = false;
        alertsMaterial = false;
        lastAlertSave = now;
        return Optional.of(new AlertSnapshot(alerts.all(), now));
    }

    /** Writes a copy taken by {@link #takeAlerts}; safe outside the lock, one writer at a time. */
    boolean write(AlertSnapshot snapshot) {
        return attempt("alerts", () -> store.saveAlerts(snapshot.alerts(), snapshot.at()));
    }

    /** Records how the write of a copy went; a failed one is tried again a second later. */
    void alertsWritten(boolean ok, Instant now) {
        if (!ok) {
            alertsDirty = true;
            alertsMaterial = true;
            retryAt = now.plus(RETRY);
        }
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
