package dev.vigil.examples.filechannel;

import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;

/**
 * Contributes the channel type {@code file}. All it takes is a {@link NotificationChannelFactory} in the service
 * registry: the alerting plugin tracks every factory, so receivers of type {@code file} start delivering as soon as
 * this plugin is active, and their notifications wait in the alerting plugin's outbox while it is not. The kernel
 * withdraws the factory when the plugin stops.
 */
public final class FileChannelPlugin implements Plugin {

    @Override
    public void start(PluginContext context) {
        context.services().register(NotificationChannelFactory.class, new FileChannelFactory());
    }
}
