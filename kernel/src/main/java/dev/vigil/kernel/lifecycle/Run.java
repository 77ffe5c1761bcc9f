package dev.vigil.kernel.lifecycle;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.kernel.loader.PluginClassLoader;
import dev.vigil.kernel.owner.Owner;
import org.jspecify.annotations.Nullable;

/**
 * One run of a plugin, from start to stop: a fresh class loader, the plugin instance, its context and its
 * registrations. Nothing of a run survives its stop.
 */
record Run(Owner owner, @Nullable PluginClassLoader loader, Plugin plugin, PluginContextImpl context,
        @Nullable OwnedConfigSection<?> config) {}
