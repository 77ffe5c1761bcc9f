package dev.vigil.testkit.plugins;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;

/** A plugin whose start fails after it registered a route, to show that the kernel undoes the route. */
public final class ThrowingPlugin implements Plugin {

    @Override
    public void start(PluginContext context) {
        context.routes().get("/api/v1/" + context.pluginId() + "/half-started", exchange -> exchange.text(200, "should not be served"));
        throw new IllegalStateException("boom: the database is unreachable");
    }
}
