package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A logger's level, as the admin route lists it.
 *
 * @param logger the logger's name; {@code ROOT} for the root logger
 * @param level the level set on this logger itself, in lower case, or null when it takes its parent's
 * @param effectiveLevel the level it logs at, in lower case
 * @param overridden whether the level was set at run time (through {@link LogbackOutputs#setLevel}) rather than by
 *     configuration; such a level stays until it is cleared or the plugin stops
 */
public record LoggerLevel(String logger, @Nullable String level, String effectiveLevel, boolean overridden) {

    /** Checks the names are present. */
    public LoggerLevel {
        requireNonNull(logger, "logger is null");
        requireNonNull(effectiveLevel, "effectiveLevel is null");
    }
}
