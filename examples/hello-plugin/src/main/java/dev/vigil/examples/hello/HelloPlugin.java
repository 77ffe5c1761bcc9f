package dev.vigil.examples.hello;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import dev.vigil.api.health.Health;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.examples.hello.api.HelloService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code GET /api/v1/hello?name=…}, reports a health indicator named {@code greeting}, reads its
 * greeting from the {@code hello} configuration section and publishes a {@link HelloService}.
 */
public final class HelloPlugin implements Plugin {

    @Inject
    private HelloService hello;

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(HelloService.class).to(ConfiguredHelloService.class).in(Scopes.SINGLETON);
            }
        };
    }

    @Override
    public Optional<Class<?>> configType() {
        return Optional.of(HelloConfig.class);
    }

    @Override
    public void start(PluginContext context) {
        context.services().register(HelloService.class, hello);
        context.routes().get("/api/v1/hello", exchange -> exchange.json(200, Map.of(
                "message", hello.greet(exchange.queryParam("name").orElse("world")),
                "version", context.pluginVersion())));
        context.health().register("greeting", () -> Health.up(Map.of("greeting", hello.greet("health"))));
    }
}
