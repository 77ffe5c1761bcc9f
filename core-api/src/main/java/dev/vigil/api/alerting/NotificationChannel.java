package dev.vigil.api.alerting;

import dev.vigil.api.Experimental;

/**
 * One configured destination of notifications: a particular webhook URL, Slack channel or mailbox. Made by a
 * {@link NotificationChannelFactory} from a receiver's configuration; closed when the configuration changes or
 * the factory's plugin stops.
 *
 * <p>The pipeline calls {@link #deliver} from its own delivery threads, one notification at a time per channel,
 * after the notification has been written to the durable outbox; it retries on {@link DeliveryResult.Outcome#RETRY}
 * and on any exception, with backoff. An implementation should bound the time it blocks (a request timeout) and
 * must not log secrets.
 */
@Experimental
public interface NotificationChannel extends AutoCloseable {

    /**
     * Sends {@code notification}.
     *
     * @return how it went; throwing counts as {@link DeliveryResult.Outcome#RETRY}
     */
    DeliveryResult deliver(Notification notification) throws Exception;

    /** Releases what the channel holds. */
    @Override
    default void close() {}
}
