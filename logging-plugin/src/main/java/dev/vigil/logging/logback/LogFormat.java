package dev.vigil.logging.logback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an output writes events. */
public enum LogFormat {
    /** One readable line per event (and the stack trace under it). */
    TEXT,
    /** One JSON object per line, as the logstash-logback-encoder writes it. */
    JSON;

    /** {@code text} or {@code json}. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code text} or {@code json}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static LogFormat of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("'" + name + "' is not a log format: expected text or json");
        };
    }
}
