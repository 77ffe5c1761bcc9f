package dev.vigil.testkit.plugins;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.testlib.Banner;

/** Serves the version of the {@link Banner} library it was packaged with, at {@code /api/v1/lib/<plugin id>}. */
public final class LibraryUserPlugin implements Plugin {

    @Override
    public void start(PluginContext context) {
        context.routes().get("/api/v1/lib/" + context.pluginId(), exchange -> exchange.text(200, Banner.version()));
    }
}
