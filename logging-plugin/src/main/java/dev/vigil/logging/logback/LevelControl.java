package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The loggers' levels: configured ones, overridden at run time by the admin route, and the ones the platform had
 * before, restored when a logger leaves the configuration or the plugin stops. An override wins over configuration
 * until it is cleared. Thread-safe.
 */
final class LevelControl {

    private final LoggerContext context;
    // the level each logger had before it was first changed here; null when it inherited
    private final Map<String, @Nullable Level> originals = new HashMap<>();
    private final Map<String, Level> overrides = new HashMap<>();
    private Map<String, Level> configured = Map.of();

    LevelControl(LoggerContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    /** Applies the root level and the per-logger levels of a configuration, replacing the previous one. */
    synchronized void configure(Level root, Map<String, Level> levels) {
        Map<String, Level> next = new HashMap<>();
        next.put(Logger.ROOT_LOGGER_NAME, root);
        levels.forEach((name, level) -> next.put(canonical(name), level));
        Set<String> touched = new HashSet<>(configured.keySet());
        touched.addAll(next.keySet());
        configured = next;
        touched.forEach(this::refresh);
    }

    /** Sets (or with null clears) the run-time level of {@code logger}. */
    synchronized void override(String logger, @Nullable Level level) {
        String name = canonical(logger);
        if (level == null) {
            overrides.remove(name);
        } else {
            overrides.put(name, level);
        }
        refresh(name);
    }

    /** Every logger the context knows, by name. */
    synchronized List<LoggerLevel> list() {
        List<LoggerLevel> out = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            Level level = logger.getLevel();
            out.add(new LoggerLevel(logger.getName(), level == null ? null : LogLevels.name(level),
                    LogLevels.name(logger.getEffectiveLevel()), overrides.containsKey(logger.getName())));
        }
        return out;
    }

    /** Puts back every level changed here, and forgets configuration and overrides. */
    synchronized void restore() {
        originals.forEach((name, level) -> context.getLogger(name).setLevel(level));
        originals.clear();
        overrides.clear();
        configured = Map.of();
    }

    private void refresh(String name) {
        Level target = overrides.get(name);
        if (target == null) {
            target = configured.get(name);
        }
        Logger logger = context.getLogger(name);
        if (target == null) {
            if (originals.containsKey(name)) {
                logger.setLevel(originals.remove(name));
            }
            return;
        }
        if (!originals.containsKey(name)) {
            originals.put(name, logger.getLevel());
        }
        logger.setLevel(target);
    }

    private static String canonical(String logger) {
        String name = requireNonNull(logger, "logger is null").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a logger name must not be empty");
        }
        return name.equalsIgnoreCase(Logger.ROOT_LOGGER_NAME) ? Logger.ROOT_LOGGER_NAME : name;
    }
}
