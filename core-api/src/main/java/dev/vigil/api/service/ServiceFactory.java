package dev.vigil.api.service;

/**
 * Makes a service per consumer, for services that must know who uses them: a meter registry that removes
 * a plugin's meters when that plugin stops, say. Registered with {@link ServiceRegistry#registerFactory}; the
 * registry calls {@link #create} the first time a consumer looks the service up or tracks it, hands that
 * consumer the same instance afterwards, and calls {@link #release} when the consumer stops or the factory
 * is withdrawn, whichever comes first.
 *
 * <p>Both methods run with the registering plugin's class loader as the context class loader and may be
 * called from any thread, never twice at once for the same consumer.
 *
 * @param <T> the service type
 */
public interface ServiceFactory<T> {

    /**
     * The instance for one consumer.
     *
     * @param consumer the id of the consuming plugin, or {@code kernel} for the kernel and an application
     *     that embeds it
     */
    T create(String consumer);

    /**
     * The consumer is gone: release what {@link #create} made for it.
     *
     * @param consumer the id given to {@link #create}
     * @param service what {@link #create} returned for it
     */
    void release(String consumer, T service);
}
