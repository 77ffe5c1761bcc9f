package dev.vigil.api.service;

import dev.vigil.api.Registration;
import java.util.List;
import java.util.Optional;

/**
 * The registry through which plugins offer services to each other. A service is published under a type
 * that both sides can see: a type of the core API, or one in a package that the publishing plugin exports
 * to the plugins that require it.
 *
 * <p>A service is owned by the plugin that registered it and disappears when that plugin stops. Consumers
 * that merely use what is there should look services up when they need them, or {@linkplain #track track}
 * them, and never keep a reference past a {@code removed} callback. Thread-safe.
 */
public interface ServiceRegistry {

    /** Publishes {@code service} under {@code type}; closing the registration withdraws it. */
    <T> Registration register(Class<T> type, T service);

    /**
     * Publishes a service under {@code type} that is made per consumer by {@code factory}: each plugin that
     * finds or tracks it gets an instance of its own, released when that plugin stops. Closing the
     * registration withdraws the service and releases every instance.
     */
    <T> Registration registerFactory(Class<T> type, ServiceFactory<T> factory);

    /** The first service registered under {@code type} that is still registered, if any. */
    <T> Optional<T> find(Class<T> type);

    /** Every service currently registered under {@code type}, in registration order. */
    <T> List<T> findAll(Class<T> type);

    /**
     * Calls {@code listener.added} for every service already registered under {@code type} and for each one
     * registered later, and {@code listener.removed} when one is withdrawn, until the returned registration
     * is closed or the tracking plugin stops. Callbacks run on the thread that changed the registry, with
     * the tracking plugin's class loader as the context class loader; they should return quickly and must
     * not throw (what they throw is logged and counted, never propagated).
     */
    <T> Registration track(Class<T> type, ServiceListener<? super T> listener);
}
