package dev.vigil.api;

/**
 * A handle on something a plugin registered with the kernel: a service, a route, a health indicator, a
 * scheduled task or a listener. Closing it removes the registration; closing it again does nothing.
 *
 * <p>A plugin does not have to keep these handles to clean up: the kernel closes every registration a
 * plugin made when the plugin stops. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the registration. Idempotent; never throws. */
    @Override
    void close();
}
