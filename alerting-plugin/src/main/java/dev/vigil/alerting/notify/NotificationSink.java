package dev.vigil.alerting.notify;

import dev.vigil.api.alerting.Notification;

/**
 * Where the notification pipeline puts what it decided to send. The implementation is the durable outbox: when
 * {@link #submit} returns, the notification has been written to disk and will be delivered to every channel of
 * its receiver, after a crash and restart too. Thread-safe.
 */
public interface NotificationSink {

    /**
     * Records {@code notification} for delivery to the channels of {@link Notification#receiver()}.
     *
     * @throws java.io.UncheckedIOException if it could not be written durably; the pipeline tries again at its next flush
     */
    void submit(Notification notification);
}
