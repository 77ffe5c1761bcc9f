package dev.vigil.examples.hello;

import dev.vigil.api.config.ConfigSection;
import dev.vigil.examples.hello.api.HelloService;
import jakarta.inject.Inject;

/** Greets with the greeting in the configuration as it is now, so an edited file takes effect at once. */
final class ConfiguredHelloService implements HelloService {

    private final ConfigSection<HelloConfig> config;

    @Inject
    ConfiguredHelloService(ConfigSection<HelloConfig> config) {
        this.config = config;
    }

    @Override
    public String greet(String name) {
        return config.get().greeting() + ", " + name + "!";
    }
}
