package dev.vigil.api.plugin;

import com.google.inject.Module;
import java.util.Optional;

/**
 * The entry point of a plugin JAR, found with {@link java.util.ServiceLoader} in the plugin's own class
 * loader: the JAR lists its implementation in {@code META-INF/services/dev.vigil.api.plugin.Plugin}. A JAR
 * that lists none, or more than one, is refused.
 *
 * <p>The kernel deploys a plugin in this order:
 * <ol>
 *   <li>reads the plugin's descriptor from its manifest without loading any class, and resolves its
 *       requirements against the other plugins;</li>
 *   <li>instantiates this class with its public no-argument constructor;</li>
 *   <li>binds the plugin's {@linkplain #configType() configuration section};</li>
 *   <li>creates the plugin's own Guice injector from {@link #module()} plus the kernel's services
 *       ({@link PluginContext} and everything it offers) and the services exported by the plugins this one
 *       requires, then injects this object's {@code @Inject} fields and methods;</li>
 *   <li>calls {@link #start(PluginContext)}, bounded by the kernel's start timeout.</li>
 * </ol>
 * On undeploy it calls {@link #stop(PluginContext)}, then removes everything the plugin registered and
 * drops its class loader. Every call into the plugin is made with the thread context class loader set to
 * the plugin's loader.
 */
public interface Plugin {

    /**
     * The Guice bindings of this plugin. Called once per deployment, before {@link #start}. The injector
     * built from it belongs to this deployment alone and is discarded when the plugin stops.
     */
    default Module module() {
        return binder -> {};
    }

    /**
     * The type the plugin's section of the configuration file binds to, or empty when the plugin takes no
     * configuration. The type is bound strictly (unknown keys are errors) with Jackson, so a record with
     * Jackson annotations is the usual choice; values missing from the file keep the defaults the type
     * gives them. The current value is available as {@link dev.vigil.api.config.ConfigSection}.
     */
    default Optional<Class<?>> configType() {
        return Optional.empty();
    }

    /**
     * Starts the plugin: register routes, services, health indicators and scheduled tasks through the
     * context. Throwing, or not returning within the start timeout, marks the plugin {@link
     * PluginState#FAILED} and undoes whatever it registered.
     */
    void start(PluginContext context) throws Exception;

    /**
     * Stops the plugin. Release what the kernel cannot see (threads the plugin started, open files,
     * connections); registrations made through the context are removed by the kernel afterwards.
     */
    default void stop(PluginContext context) throws Exception {}
}
