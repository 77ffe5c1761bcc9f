package dev.vigil.kernel;

import dev.vigil.api.Registration;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.kernel.config.ConfigBinder;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.kernel.config.KernelConfig;
import dev.vigil.kernel.lifecycle.PluginConfigSource.PluginConfigException;
import dev.vigil.kernel.lifecycle.PluginManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current configuration document, binds plugin sections from it, and re-applies the file when it
 * changes: the whole file is validated first (the kernel section and the section of every running plugin),
 * and only a file without problems replaces the current one; then each running plugin whose section
 * changed gets its new value.
 */
final class ConfigReloader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final @Nullable Path file;
    private final Map<String, String> environment;
    private volatile ConfigDocument current;
    private @Nullable PluginManager plugins;
    private @Nullable Registration polling;
    private @Nullable FileStamp lastSeen;

    ConfigReloader(@Nullable Path file, Map<String, String> environment, ConfigDocument initial) {
        this.file = file;
        this.environment = environment;
        this.current = initial;
        this.lastSeen = file == null ? null : FileStamp.of(file);
    }

    void attach(PluginManager manager) {
        this.plugins = manager;
    }

    /** Binds a plugin's section of the current document. */
    Object bindPlugin(String pluginId, Class<?> type) throws PluginConfigException {
        try {
            return current.bind(pluginId, type, ConfigMappers.strict());
        } catch (ConfigException e) {
            throw new PluginConfigException(String.join("; ", e.problems().stream().map(Object::toString).toList()));
        }
    }

    /** Polls the file for changes. */
    void watch(Scheduler scheduler, Duration interval) {
        polling = scheduler.scheduleWithFixedDelay(this::checkForChange, interval, interval);
    }

    private void checkForChange() {
        if (file == null) {
            return;
        }
        FileStamp stamp = FileStamp.of(file);
        if (stamp == null || stamp.equals(lastSeen)) {
            return;
        }
        lastSeen = stamp;
        reload();
    }

    /** Reads and applies the file now; returns whether it was applied. */
    synchronized boolean reload() {
        if (file == null || plugins == null) {
            return false;
        }
        ConfigDocument next;
        try {
            next = ConfigDocument.read(file, environment);
            ConfigBinder binder = new ConfigBinder(next, ConfigMappers.strict());
            binder.bind("kernel", KernelConfig.class);
            Map<String, Class<?>> types = plugins.runningConfigTypes();
            types.forEach(binder::bind);
            Map<String, Object> values = binder.results();
            ConfigDocument previous = current;
            current = next;
            if (!previous.sectionTree("kernel").equals(next.sectionTree("kernel"))) {
                log.warn("{}: the kernel section changed; kernel settings take effect at the next start", file);
            }
            types.keySet().forEach(id -> {
                if (!previous.sectionTree(id).equals(next.sectionTree(id))) {
                    plugins.updateConfig(id, values.get(id));
                }
            });
            log.info("{}: configuration re-applied", file);
            return true;
        } catch (ConfigException e) {
            log.error("{} was changed but not applied; the running configuration stays:\n{}", file, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (polling != null) {
            polling.close();
        }
    }

    private record FileStamp(long size, FileTime modified) {
        static @Nullable FileStamp of(Path file) {
            try {
                return new FileStamp(Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                return null;
            }
        }
    }
}
