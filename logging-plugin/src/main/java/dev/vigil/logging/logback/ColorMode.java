package dev.vigil.logging.logback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the console's text is coloured with ANSI escape sequences. */
public enum ColorMode {
    /** Only when the console's stream is a terminal, and {@code NO_COLOR} is not set and {@code TERM} is not {@code dumb}. */
    AUTO,
    /** Always, as when the output goes through a pager that shows colours. */
    ALWAYS,
    /** Never. */
    NEVER;

    /** {@code auto}, {@code always} or {@code never}. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code auto}, {@code always} or {@code never}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static ColorMode of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "always" -> ALWAYS;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException(
                    "'" + name + "' is not a colour mode: expected auto, always or never");
        };
    }
}
