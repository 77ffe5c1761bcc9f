package dev.vigil.logging.logback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The id of the plugin the calling thread works for: the kernel sets the thread context class loader to a plugin's
 * loader, named {@code plugin:<id>}, whenever it calls into that plugin. Keeps loader names, never loaders, so it
 * cannot hold a plugin's loader after it is unloaded. Thread-safe.
 */
final class PluginIds {

    private static final String PREFIX = "plugin:";
    private static final int MAX_CACHED = 1024;

    private final ConcurrentMap<String, String> ids = new ConcurrentHashMap<>();

    /** The plugin id of the current thread's context class loader, or null when it is not a plugin's. */
    @Nullable String current() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            return null;
        }
        String name = loader.getName();
        if (name == null || name.length() <= PREFIX.length() || !name.startsWith(PREFIX)) {
            return null;
        }
        String id = ids.get(name);
        if (id == null) {
            id = name.substring(PREFIX.length());
            if (ids.size() < MAX_CACHED) {
                ids.put(name, id);
            }
        }
        return id;
    }
}
