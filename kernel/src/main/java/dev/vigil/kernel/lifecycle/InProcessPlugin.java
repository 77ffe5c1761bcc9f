package dev.vigil.kernel.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import java.util.function.Supplier;

/**
 * A plugin from the host application's class path: no JAR and no class loader of its own.
 *
 * @param descriptor its id, version and requirements
 * @param factory makes a new instance for each run
 * @param loader the class loader set as the context class loader when the kernel calls into it
 */
public record InProcessPlugin(PluginDescriptor descriptor, Supplier<Plugin> factory, ClassLoader loader) {

    /** Checks that no part is null. */
    public InProcessPlugin {
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(loader, "loader is null");
    }
}
