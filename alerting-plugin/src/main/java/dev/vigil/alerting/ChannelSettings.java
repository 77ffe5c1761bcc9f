package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One channel of a receiver as the configuration file gives it: {@code type} and, beside it, that type's settings.
 * The settings stay a tree until a plugin provides the type; then they are bound to the factory's
 * {@link dev.vigil.api.alerting.NotificationChannelFactory#configType() configuration type}. Immutable.
 *
 * <pre>{@code
 * - type: webhook
 *   url: http://hooks.internal/alerts
 *   timeout: 5s
 * }</pre>
 *
 * @param type the channel type, such as {@code webhook}: lower-case letters, digits and {@code _}
 * @param settings every key but {@code type}
 */
public record ChannelSettings(String type, ObjectNode settings) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+");

    /**
     * Checks the type and copies the settings.
     *
     * @throws IllegalArgumentException if the type is empty or has other characters
     */
    public ChannelSettings {
        requireNonNull(type, "type is null");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be lower-case letters, digits and _, got '" + type + "'");
        }
        settings = requireNonNull(settings, "settings is null").deepCopy();
        settings.remove("type");
    }

    /** Binds one entry of a receiver's {@code channels} list. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ChannelSettings fromConfig(ObjectNode entry) {
        JsonNode type = entry.get("type");
        if (type == null || type.isNull()) {
            throw new IllegalArgumentException("type is required: the channel type, such as webhook, slack or email");
        }
        if (!type.isTextual()) {
            throw new IllegalArgumentException("type must be a string, got " + type.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new ChannelSettings(type.asText(), entry);
    }

    /** A copy of the settings, which the caller may change. */
    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }
}
