package dev.vigil.kernel.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.schedule.Scheduler;
import dev.vigil.kernel.descriptor.Version;
import dev.vigil.kernel.health.KernelHealthRegistry;
import dev.vigil.kernel.loader.JarCache;
import dev.vigil.kernel.loader.PlatformPackages;
import dev.vigil.kernel.service.KernelServiceRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What the plugin manager needs from the kernel.
 *
 * @param apiVersion the running core API version
 * @param platform the platform packages shared with plugins
 * @param kernelLoader the loader of the platform layer
 * @param jarCache where JARs are copied before they are opened
 * @param dataDirectory the platform's data folder; plugin folders go under {@code plugins/<id>}
 * @param configDirectory the folder relative paths in the configuration are read against
 * @param services the service registry
 * @param health the health registry
 * @param routes where plugin routes on the API server go
 * @param otlpRoutes where plugin routes on the OTLP/HTTP listener go
 * @param scheduler the scheduler behind plugin schedulers
 * @param clock the platform clock
 * @param config binds plugin configuration sections
 * @param startTimeout how long {@code start} (with injector creation) may take
 * @param stopTimeout how long {@code stop} may take
 */
public record PluginEnvironment(
        Version apiVersion,
        PlatformPackages platform,
        ClassLoader kernelLoader,
        JarCache jarCache,
        Path dataDirectory,
        Path configDirectory,
        KernelServiceRegistry services,
        KernelHealthRegistry health,
        RouteRegistrar routes,
        RouteRegistrar otlpRoutes,
        Scheduler scheduler,
        Clock clock,
        PluginConfigSource config,
        Duration startTimeout,
        Duration stopTimeout) {

    public PluginEnvironment {
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(platform, "platform is null");
        requireNonNull(kernelLoader, "kernelLoader is null");
        requireNonNull(jarCache, "jarCache is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(configDirectory, "configDirectory is null");
        requireNonNull(services, "services is null");
        requireNonNull(health, "health is null");
        requireNonNull(routes, "routes is null");
        requireNonNull(otlpRoutes, "otlpRoutes is null");
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(config, "config is null");
        requireNonNull(startTimeout, "startTimeout is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
    }
}
