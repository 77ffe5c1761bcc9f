package dev.vigil.api.plugin;

import com.google.inject.Injector;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.HealthRegistry;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.api.service.ServiceRegistry;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the kernel offers one plugin deployment. Everything registered through it belongs to the plugin
 * and is removed when the plugin stops. Every accessor is also bound in the plugin's injector, so
 * components can receive {@code ServiceRegistry}, {@code HttpRoutes}, {@code HealthRegistry},
 * {@code Scheduler}, {@code Clock} and {@code ConfigSection<T>} by {@code @Inject}.
 *
 * <p>Thread-safe. Valid from {@link Plugin#start} until {@link Plugin#stop} returns.
 */
public interface PluginContext {

    /** The plugin's id from its descriptor, such as {@code hello}. */
    String pluginId();

    /** The plugin's version from its descriptor. */
    String pluginVersion();

    /**
     * A folder for the plugin's own files under the platform's data folder, created on first use and kept
     * across restarts and upgrades of the plugin.
     */
    Path dataDirectory();

    /**
     * The folder that relative paths in the plugin's configuration section are read against: the folder of the
     * configuration file ({@code conf/} in the distribution), or the installation folder when the platform runs
     * without one. Absolute.
     */
    Path configDirectory();

    /** The service registry; services registered through it are owned by this plugin. */
    ServiceRegistry services();

    /** Routes on the platform's API server. */
    HttpRoutes routes();

    /**
     * Routes on the platform's OTLP/HTTP listener ({@code 127.0.0.1:4318} unless configured otherwise), where
     * receivers serve {@code /v1/metrics}, {@code /v1/traces} and {@code /v1/logs}. Senders of telemetry do not
     * carry the admin token, so receivers add their routes with {@link dev.vigil.api.http.RouteAccess#PUBLIC}.
     * When the listener is disabled, routes added here are kept but not served.
     */
    HttpRoutes otlpRoutes();

    /** Health indicators that feed {@code /health/ready}. */
    HealthRegistry health();

    /** Runs work later or periodically on the kernel's threads. */
    Scheduler scheduler();

    /** The platform's clock; tests replace it with a controllable one. */
    Clock clock();

    /**
     * This plugin's configuration section.
     *
     * @throws IllegalArgumentException if {@code type} is not the plugin's {@link Plugin#configType()}
     */
    <T> ConfigSection<T> config(Class<T> type);

    /** The injector built for this deployment. */
    Injector injector();
}
