package dev.vigil.testkit.plugins;

import dev.vigil.api.health.Health;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.service.ServiceListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, for each kind of call the kernel makes into a plugin, whether the thread context class loader
 * was the plugin's own loader, and serves the record at {@code /api/v1/context-loader}.
 */
public final class ContextLoaderProbePlugin implements Plugin {

    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    @Override
    public void start(PluginContext context) {
        record("start");
        context.routes().get("/api/v1/context-loader", exchange -> {
            record("route");
            exchange.json(200, seen);
        });
        context.health().register("context-loader", () -> {
            record("health");
            return Health.up();
        });
        context.scheduler().scheduleAtFixedRate(() -> record("scheduled"), Duration.ZERO, Duration.ofMillis(10));
        context.services().track(CharSequence.class, new ServiceListener<CharSequence>() {
            @Override
            public void added(CharSequence service) {
                record("listener");
            }

            @Override
            public void removed(CharSequence service) {
                record("listener");
            }
        });
    }

    private void record(String call) {
        seen.merge(call, Thread.currentThread().getContextClassLoader() == getClass().getClassLoader(), Boolean::logicalAnd);
    }
}
