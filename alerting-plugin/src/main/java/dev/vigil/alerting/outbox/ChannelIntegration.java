package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.NotificationChannel;
import java.util.Optional;

/**
 * One channel integration of a receiver, as the outbox sees it.
 *
 * @param name the integration's name within its receiver, stable across restarts and configuration reloads
 *     because pending deliveries are kept under it (such as {@code webhook[0]})
 * @param type its channel type, such as {@code webhook}
 * @param channel the channel to deliver with; empty while no plugin provides the type, and then its
 *     notifications wait
 */
public record ChannelIntegration(String name, String type, Optional<NotificationChannel> channel) {

    /** Checks the parts. */
    public ChannelIntegration {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(channel, "channel is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an integration's name is empty");
        }
        if (type.isEmpty()) {
            throw new IllegalArgumentException("integration " + name + " has an empty type");
        }
    }

    /** An integration whose channel type is available. */
    public static ChannelIntegration available(String name, String type, NotificationChannel channel) {
        return new ChannelIntegration(name, type, Optional.of(requireNonNull(channel, "channel is null")));
    }

    /** An integration whose channel type is not provided by any plugin at the moment. */
    public static ChannelIntegration unavailable(String name, String type) {
        return new ChannelIntegration(name, type, Optional.empty());
    }

    /** This integration without its channel. */
    public ChannelIntegration withoutChannel() {
        return unavailable(name, type);
    }

    @Override
    public String toString() {
        return name + "(" + type + (channel.isPresent() ? ")" : ", unavailable)");
    }
}
