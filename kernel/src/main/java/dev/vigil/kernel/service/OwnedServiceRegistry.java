package dev.vigil.kernel.service;

import dev.vigil.api.Registration;
import dev.vigil.api.service.ServiceListener;
import dev.vigil.api.service.ServiceFactory;
import dev.vigil.api.service.ServiceRegistry;
import dev.vigil.kernel.owner.Owner;
import java.util.List;
import java.util.Optional;

/** One owner's view of the registry: what it registers or tracks is owned by it. */
final class OwnedServiceRegistry implements ServiceRegistry {

    private final KernelServiceRegistry registry;
    private final Owner owner;

    OwnedServiceRegistry(KernelServiceRegistry registry, Owner owner) {
        this.registry = registry;
        this.owner = owner;
    }

    @Override
    public <T> Registration register(Class<T> type, T service) {
        return registry.register(owner, type, service);
    }

    @Override
    public <T> Registration registerFactory(Class<T> type, ServiceFactory<T> factory) {
        return registry.registerFactory(owner, type, factory);
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return registry.find(owner, type);
    }

    @Override
    public <T> List<T> findAll(Class<T> type) {
        return registry.findAll(owner, type);
    }

    @Override
    public <T> Registration track(Class<T> type, ServiceListener<? super T> listener) {
        return registry.track(owner, type, listener);
    }
}
