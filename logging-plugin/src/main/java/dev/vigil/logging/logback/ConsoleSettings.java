package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code console} output of the logging section. Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether events are written to the console
 * @param format readable text or JSON lines
 * @param color whether text is coloured; JSON never is
 * @param target the standard stream written to
 */
public record ConsoleSettings(boolean enabled, LogFormat format, ColorMode color, ConsoleTarget target) {

    private static final ConsoleSettings DEFAULTS = new ConsoleSettings(true, LogFormat.TEXT, ColorMode.AUTO, ConsoleTarget.AUTO);

    /** Checks the values are present. */
    public ConsoleSettings {
        requireNonNull(format, "format is null");
        requireNonNull(color, "color is null");
        requireNonNull(target, "target is null");
    }

    /** Enabled, text, coloured on a terminal, on the launcher's stream. */
    public static ConsoleSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ConsoleSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("format") @Nullable LogFormat format,
            @JsonProperty("color") @Nullable ColorMode color,
            @JsonProperty("target") @Nullable ConsoleTarget target) {
        return new ConsoleSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(format, DEFAULTS.format),
                requireNonNullElse(color, DEFAULTS.color),
                requireNonNullElse(target, DEFAULTS.target));
    }
}
