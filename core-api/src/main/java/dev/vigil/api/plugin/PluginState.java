package dev.vigil.api.plugin;

/**
 * The lifecycle of one plugin deployment:
 * {@code INSTALLED → RESOLVED → STARTING → ACTIVE → STOPPING → RESOLVED}, and {@code FAILED} with a
 * reason from any step.
 */
public enum PluginState {
    /** The JAR is known and its descriptor read; its requirements are not yet satisfied. */
    INSTALLED,
    /** Its requirements are satisfied; the plugin is not running. */
    RESOLVED,
    /** {@link Plugin#start} is running. */
    STARTING,
    /** The plugin started and is serving. */
    ACTIVE,
    /** {@link Plugin#stop} is running. */
    STOPPING,
    /** The plugin could not be read, resolved or started; the reason is kept with it. */
    FAILED
}
