package dev.vigil.testkit.plugins;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;

/** A plugin whose start never returns on its own; it gives up when the kernel interrupts it. */
public final class HangingPlugin implements Plugin {

    @Override
    public void start(PluginContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
