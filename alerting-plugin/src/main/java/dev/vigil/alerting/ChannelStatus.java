package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How one channel of a receiver stands, for the API and for operators.
 *
 * @param receiver the receiver
 * @param name the channel's name within it, such as {@code webhook[0]}
 * @param type its channel type
 * @param state whether notifications can go out through it
 * @param detail why not, in words; {@code ""} when ready
 * @param factory the class name of the factory that makes the channel, or {@code ""} when no plugin provides the type
 * @param settings the bound settings with every secret shown as {@code <secret>}; empty until they are bound
 */
public record ChannelStatus(String receiver, String name, String type, State state, String detail, String factory,
        Optional<JsonNode> settings) {

    /** Checks the parts. */
    public ChannelStatus {
        requireNonNull(receiver, "receiver is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(state, "state is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(settings, "settings is null");
    }

    /** Whether a channel can deliver. */
    public enum State {
        /** The channel is made; notifications go out through it. */
        READY,
        /** No plugin provides the type at the moment; notifications wait in the outbox until one does. */
        WAITING_FOR_CHANNEL_TYPE,
        /** The factory refused the settings; notifications wait in the outbox until the configuration is fixed. */
        INVALID_SETTINGS
    }
}
