package dev.vigil.alerting.rules;

import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One alert of an alerting rule, as the rule's evaluation changes it. Guarded by the rule that owns it. */
final class AlertInstance {

    final Labels labels;
    Map<String, String> annotations;
    AlertState state;
    double value;
    Instant activeAt;
    @Nullable Instant firedAt;
    @Nullable Instant resolvedAt;
    @Nullable Instant lastSentAt;
    @Nullable Instant validUntil;
    @Nullable Instant keepFiringSince;

    AlertInstance(Labels labels, Map<String, String> annotations, double value, Instant activeAt) {
        this.labels = labels;
        this.annotations = annotations;
        this.state = AlertState.PENDING;
        this.value = value;
        this.activeAt = activeAt;
    }

    /**
     * Whether the alert should be sent now: never while pending; at once when it resolved since it was last sent;
     * otherwise when {@code resendDelay} has passed since it was last sent.
     */
    boolean needsSending(Instant ts, Duration resendDelay) {
        if (state == AlertState.PENDING) {
            return false;
        }
        if (resolvedAt != null && (lastSentAt == null || resolvedAt.isAfter(lastSentAt))) {
            return true;
        }
        return lastSentAt == null || lastSentAt.plus(resendDelay).isBefore(ts);
    }

    ActiveAlert snapshot() {
        return new ActiveAlert(labels, annotations, state, value, activeAt, Optional.ofNullable(firedAt),
                Optional.ofNullable(resolvedAt), Optional.ofNullable(keepFiringSince));
    }
}
