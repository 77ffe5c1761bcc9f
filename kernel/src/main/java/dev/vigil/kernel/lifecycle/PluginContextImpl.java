package dev.vigil.kernel.lifecycle;

import com.google.inject.Injector;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.HealthRegistry;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.api.service.ServiceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The context of one plugin run. */
final class PluginContextImpl implements PluginContext {

    private final String id;
    private final String version;
    private final Path dataDirectory;
    private final Path configDirectory;
    private final ServiceRegistry services;
    private final HttpRoutes routes;
    private final HttpRoutes otlpRoutes;
    private final HealthRegistry health;
    private final Scheduler scheduler;
    private final Clock clock;
    private final @Nullable OwnedConfigSection<?> config;
    private volatile @Nullable Injector injector;

    PluginContextImpl(String id, String version, Path dataDirectory, Path configDirectory, ServiceRegistry services, HttpRoutes routes,
            HttpRoutes otlpRoutes, HealthRegistry health, Scheduler scheduler, Clock clock, @Nullable OwnedConfigSection<?> config) {
        this.id = id;
        this.version = version;
        this.dataDirectory = dataDirectory;
        this.configDirectory = configDirectory;
        this.services = services;
        this.routes = routes;
        this.otlpRoutes = otlpRoutes;
        this.health = health;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
    }

    void injector(Injector injector) {
        this.injector = injector;
    }

    @Override
    public String pluginId() {
        return id;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public Path configDirectory() {
        return configDirectory;
    }

    @Override
    public Path dataDirectory() {
        try {
            return Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder of plugin '" + id + "': " + dataDirectory, e);
        }
    }

    @Override
    public ServiceRegistry services() {
        return services;
    }

    @Override
    public HttpRoutes routes() {
        return routes;
    }

    @Override
    public HttpRoutes otlpRoutes() {
        return otlpRoutes;
    }

    @Override
    public HealthRegistry health() {
        return health;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ConfigSection<T> config(Class<T> type) {
        OwnedConfigSection<?> section = config;
        if (section == null) {
            throw new IllegalArgumentException("plugin '" + id + "' declares no configuration type");
        }
        if (section.type() != type) {
            throw new IllegalArgumentException("plugin '" + id + "' binds its configuration to " + section.type().getName() + ", not " + type.getName());
        }
        return (ConfigSection<T>) section;
    }

    @Override
    public Injector injector() {
        Injector current = injector;
        if (current == null) {
            throw new IllegalStateException("the injector of plugin '" + id + "' is still being created");
        }
        return current;
    }
}
