package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.logging.syslog.SyslogSettings;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The platform's log outputs and levels, as the logging plugin's configuration gives them:
 *
 * <pre>{@code
 * level: info
 * levels: {org.eclipse.jetty: warn, dev.vigil.metrics.scrape: debug}
 * console: {enabled: true, format: text, color: auto}
 * file: {enabled: true, path: /var/log/vigil/vigil.log, format: json, maxFileSize: 100MB, maxHistory: 7, totalSizeCap: 1GB}
 * syslog: {enabled: true, host: logs.example.com, port: 514, protocol: tcp, facility: local0, appName: vigil}
 * store: {enabled: true, queueSize: 8192}
 * }</pre>
 *
 * Every key is optional; see {@link #defaults()}. Level names are {@code trace}, {@code debug}, {@code info},
 * {@code warn}, {@code error} and {@code off}, in any case.
 *
 * @param level the root logger's level, normalised to lower case
 * @param levels levels of particular loggers (and the loggers under them), by logger name, normalised to lower case;
 *     loggers not named keep the level they had before the plugin started
 * @param console the console output
 * @param file the rolling file output
 * @param syslog the syslog output
 * @param store the log store output
 */
public record OutputSettings(String level, Map<String, String> levels, ConsoleSettings console, FileSettings file,
        SyslogSettings syslog, StoreOutputSettings store) {

    private static final OutputSettings DEFAULTS = new OutputSettings("info", Map.of(), ConsoleSettings.defaults(),
            FileSettings.defaults(), SyslogSettings.defaults(), StoreOutputSettings.defaults());

    /**
     * Checks the level names and copies the map.
     *
     * @throws IllegalArgumentException for a name that is not a level, naming the key
     */
    public OutputSettings {
        requireNonNull(level, "level is null");
        requireNonNull(levels, "levels is null");
        requireNonNull(console, "console is null");
        requireNonNull(file, "file is null");
        requireNonNull(syslog, "syslog is null");
        requireNonNull(store, "store is null");
        level = LogLevels.name(LogLevels.require("level", level));
        TreeMap<String, String> copy = new TreeMap<>();
        levels.forEach((logger, name) -> {
            requireNonNull(logger, "logger name is null");
            if (logger.isBlank()) {
                throw new IllegalArgumentException("levels: a logger name must not be empty");
            }
            copy.put(logger, LogLevels.name(LogLevels.require("levels." + logger, requireNonNull(name, "level is null"))));
        });
        levels = Collections.unmodifiableSortedMap(copy);
    }

    /** Level info; console text on; file and syslog off; store on. */
    public static OutputSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with the root level {@code level}. */
    public OutputSettings withLevel(String level) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** These settings with the per-logger levels {@code levels}. */
    public OutputSettings withLevels(Map<String, String> levels) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** These settings with the console output {@code console}. */
    public OutputSettings withConsole(ConsoleSettings console) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** These settings with the file output {@code file}. */
    public OutputSettings withFile(FileSettings file) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** These settings with the syslog output {@code syslog}. */
    public OutputSettings withSyslog(SyslogSettings syslog) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** These settings with the store output {@code store}. */
    public OutputSettings withStore(StoreOutputSettings store) {
        return new OutputSettings(level, levels, console, file, syslog, store);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static OutputSettings fromConfig(
            @JsonProperty("level") @Nullable String level,
            @JsonProperty("levels") @Nullable Map<String, String> levels,
            @JsonProperty("console") @Nullable ConsoleSettings console,
            @JsonProperty("file") @Nullable FileSettings file,
            @JsonProperty("syslog") @Nullable SyslogSettings syslog,
            @JsonProperty("store") @Nullable StoreOutputSettings store) {
        return new OutputSettings(
                requireNonNullElse(level, DEFAULTS.level),
                requireNonNullElse(levels, DEFAULTS.levels),
                requireNonNullElse(console, DEFAULTS.console),
                requireNonNullElse(file, DEFAULTS.file),
                requireNonNullElse(syslog, DEFAULTS.syslog),
                requireNonNullElse(store, DEFAULTS.store));
    }
}
