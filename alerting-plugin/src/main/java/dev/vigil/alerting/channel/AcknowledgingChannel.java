package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;

/**
 * A channel whose receiving service has its own acknowledged state for an incident, such as PagerDuty or Opsgenie.
 * When a person acknowledges a group in Vigil, the pipeline tells such channels too, so that the service stops
 * paging for it; the incident is identified by the group, as for {@link #deliver}. Thread-safe.
 */
public interface AcknowledgingChannel extends NotificationChannel {

    /**
     * Marks the incident of {@code notification}'s group as acknowledged at the receiving service. Only the
     * group ({@link Notification#groupKey()}) and the notification's id matter; the alerts are not sent.
     *
     * @return how it went, with the same outcome mapping as {@link #deliver}
     */
    DeliveryResult acknowledge(Notification notification) throws Exception;
}
