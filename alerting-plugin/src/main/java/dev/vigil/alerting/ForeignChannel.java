package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.AcknowledgingChannel;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.util.concurrent.Callable;

/**
 * A channel made by another plugin's factory, called with that plugin's class loader as the thread context class
 * loader, as the platform calls into every plugin: a library inside the channel's plugin that looks things up
 * through the context loader (a {@code ServiceLoader}, a mail provider) finds its own classes. Thread-safe as the
 * channel it wraps.
 */
class ForeignChannel implements NotificationChannel {

    private final NotificationChannel channel;
    private final ClassLoader loader;

    private ForeignChannel(NotificationChannel channel) {
        this.channel = channel;
        this.loader = channel.getClass().getClassLoader();
    }

    /** {@code channel}, wrapped when its class comes from another loader than this plugin's; an acknowledging one stays one. */
    static NotificationChannel wrap(NotificationChannel channel) {
        requireNonNull(channel, "channel is null");
        ClassLoader own = ForeignChannel.class.getClassLoader();
        if (channel.getClass().getClassLoader() == own) {
            return channel;
        }
        return channel instanceof AcknowledgingChannel ? new Acknowledging((AcknowledgingChannel) channel) : new ForeignChannel(channel);
    }

    /** Runs {@code action} with {@code loader} as the context class loader. */
    static <T> T withLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The channel inside. */
    NotificationChannel unwrap() {
        return channel;
    }

    @Override
    public DeliveryResult deliver(Notification notification) throws Exception {
        return withLoader(loader, () -> channel.deliver(notification));
    }

    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            channel.close();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return channel.toString();
    }

    /** A foreign channel that also takes acknowledgements. */
    private static final class Acknowledging extends ForeignChannel implements AcknowledgingChannel {

        private final AcknowledgingChannel channel;

        Acknowledging(AcknowledgingChannel channel) {
            super(channel);
            this.channel = channel;
        }

        @Override
        public DeliveryResult acknowledge(Notification notification) throws Exception {
            return withLoader(channel.getClass().getClassLoader(), () -> channel.acknowledge(notification));
        }
    }
}
