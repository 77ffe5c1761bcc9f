package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A channel type for tests: its channels record what they are given and whether they were closed. */
final class TestingChannelFactory implements NotificationChannelFactory<TestingChannelFactory.Settings> {

    /** The settings: a target, a secret and a duration; a target {@code refused} fails validation. */
    record Settings(String target, @Nullable Secret token, @Nullable Duration every) {
        Settings {
            requireNonNull(target, "target is null");
        }
    }

    private final String type;
    private final List<Channel> made = new CopyOnWriteArrayList<>();

    TestingChannelFactory(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings config) {
        if (config.target().equals("refused")) {
            throw new IllegalArgumentException("target: must not be 'refused'");
        }
    }

    @Override
    public NotificationChannel create(String name, Settings config, ChannelContext context) {
        Channel channel = new Channel(name, config);
        made.add(channel);
        return channel;
    }

    /** Every channel made so far, oldest first. */
    List<Channel> made() {
        return List.copyOf(made);
    }

    /** A channel that records deliveries. */
    static final class Channel implements NotificationChannel {
        final String receiver;
        final Settings settings;
        final List<Notification> delivered = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Channel(String receiver, Settings settings) {
            this.receiver = receiver;
            this.settings = settings;
        }

        @Override
        public DeliveryResult deliver(Notification notification) {
            delivered.add(notification);
            return DeliveryResult.delivered("ok");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
