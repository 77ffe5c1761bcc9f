package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A receiver: a name that routes refer to, and the channels its notifications go to. A receiver without channels
 * discards what is routed to it, as in Alertmanager. Immutable.
 *
 * @param name the receiver's name
 * @param channels its channels, in order
 */
public record ReceiverSettings(String name, List<ChannelSettings> channels) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the name is empty
     */
    public ReceiverSettings {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
    }

    /** Binds one entry of {@code receivers}; {@code channels} may be left out. */
    @JsonCreator
    static ReceiverSettings fromConfig(@JsonProperty("name") @Nullable String name,
            @JsonProperty("channels") @Nullable List<ChannelSettings> channels) {
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        return new ReceiverSettings(name, requireNonNullElse(channels, List.of()));
    }

    /**
     * The name of each channel within the receiver, in order: its type and its position among the receiver's
     * channels of that type, such as {@code webhook[0]} and {@code webhook[1]}. Deliveries waiting in the outbox
     * are kept under these names, so they stay the same across restarts and reloads as long as the channels of
     * a type keep their order.
     */
    public List<String> channelNames() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>(channels.size());
        for (ChannelSettings channel : channels) {
            int index = seen.merge(channel.type(), 1, Integer::sum) - 1;
            names.add(channel.type() + "[" + index + "]");
        }
        return List.copyOf(names);
    }
}
