package dev.vigil.logging.logback;

import ch.qos.logback.classic.Level;
import java.util.Locale;
import java.util.Optional;

/** Level names as configuration and the admin route write them. */
final class LogLevels {

    /** What {@link #parse} accepts, for messages. */
    static final String NAMES = "trace, debug, info, warn, error, fatal (as error) or off";

    private LogLevels() {}

    /** The level named {@code name} in any case; {@code warning} is {@code warn} and {@code fatal} is {@code error}. */
    static Optional<Level> parse(String name) {
        return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error", "fatal" -> Level.ERROR;
            case "off" -> Level.OFF;
            default -> null;
        });
    }

    /**
     * The level named {@code name}, for the setting {@code key}.
     *
     * @throws IllegalArgumentException naming the key, the value and the names there are
     */
    static Level require(String key, String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException(
                key + ": '" + name + "' is not a level: expected " + NAMES));
    }

    /** The name written in configuration: the level in lower case. */
    static String name(Level level) {
        return level.levelStr.toLowerCase(Locale.ROOT);
    }
}
