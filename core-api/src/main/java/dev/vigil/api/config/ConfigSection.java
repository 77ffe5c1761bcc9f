package dev.vigil.api.config;

import dev.vigil.api.Registration;
import java.util.function.Consumer;

/**
 * A plugin's section of the configuration file, bound to the plugin's {@linkplain
 * dev.vigil.api.plugin.Plugin#configType() configuration type}. When the file changes while the platform
 * runs and the section's new value binds without errors, {@link #get()} returns the new value and the
 * listeners are called; a file with errors is refused as a whole and the old values stay.
 *
 * <p>Read {@link #get()} where the value is used rather than caching it. Thread-safe.
 */
public interface ConfigSection<T> {

    /** The current value. */
    T get();

    /**
     * Calls {@code listener} with each new value after a change is applied, on the kernel's configuration
     * thread, until the registration is closed or the plugin stops.
     */
    Registration onChange(Consumer<? super T> listener);
}
