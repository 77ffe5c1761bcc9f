package dev.vigil.alerting.notify;

import dev.vigil.api.alerting.Notification;

/**
 * Told when a group that was notified becomes acknowledged as a whole (every firing alert of it that is not
 * silenced or inhibited has an acknowledgement), once for each receiver that was told it fires. The wiring passes
 * this on to channels with an acknowledged state of their own (PagerDuty, Opsgenie), which identify the incident
 * by {@link Notification#groupKey()}. The notification carries the acknowledged alerts, status firing, and an id
 * derived from the group, the receiver and those alerts. Called outside the pipeline's lock; what it throws is
 * logged. Implementations are thread-safe.
 */
@FunctionalInterface
public interface AcknowledgementSink {

    /** Takes the acknowledgement of {@code notification}'s group for its receiver. */
    void acknowledged(Notification notification);
}
