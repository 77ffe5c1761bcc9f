package dev.vigil.logging.logback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which standard stream the console output writes to. */
public enum ConsoleTarget {
    /**
     * The stream the launcher's console appender wrote to (standard error for commands whose output is a report),
     * else standard output.
     */
    AUTO,
    /** Standard output. */
    STDOUT,
    /** Standard error. */
    STDERR;

    /** {@code auto}, {@code stdout} or {@code stderr}. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code auto}, {@code stdout} or {@code stderr}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static ConsoleTarget of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "stdout" -> STDOUT;
            case "stderr" -> STDERR;
            default -> throw new IllegalArgumentException(
                    "'" + name + "' is not a console target: expected auto, stdout or stderr");
        };
    }
}
