package dev.vigil.examples.consumer;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.examples.hello.api.HelloService;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Requires the hello plugin (see {@code Vigil-Plugin-Requires} in its manifest), receives hello's
 * {@link HelloService} by injection, and serves {@code GET /api/v1/hello-consumer}. When hello is replaced,
 * the kernel restarts this plugin so that it is injected with the new service.
 */
public final class HelloConsumerPlugin implements Plugin {

    @Inject
    private HelloService hello;

    @Override
    public void start(PluginContext context) {
        context.routes().get("/api/v1/hello-consumer", exchange -> exchange.json(200, Map.of(
                "message", hello.greet("consumer"),
                "version", context.pluginVersion())));
    }
}
