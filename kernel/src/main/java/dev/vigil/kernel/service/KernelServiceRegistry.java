package dev.vigil.kernel.service;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.service.ServiceFactory;
import dev.vigil.api.service.ServiceListener;
import dev.vigil.kernel.owner.Owner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of services for the whole process. Plugins see it through {@link #viewFor(Owner)},
 * which records ownership so that a plugin's services and trackers leave with it. Lookups of plain services
 * are lock-free; changes are serialised so that trackers see additions and removals in order. A service made
 * by a {@link ServiceFactory} is made once per consumer and released when that consumer's run ends.
 */
public final class KernelServiceRegistry {

    private static final Logger log = LoggerFactory.getLogger(KernelServiceRegistry.class);

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Tracker> trackers = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();

    /** A registry view for one owner. */
    public dev.vigil.api.service.ServiceRegistry viewFor(Owner owner) {
        return new OwnedServiceRegistry(this, owner);
    }

    /** The services currently registered by {@code ownerId}, in registration order. */
    public List<Entry> ownedBy(String ownerId) {
        return entries.stream().filter(e -> e.owner().id().equals(ownerId)).toList();
    }

    /** Every registration, for diagnostics. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The service of {@code entry} as {@code consumer} sees it: the service itself, or the instance its
     * factory made for {@code consumer}; empty if the entry was withdrawn meanwhile.
     */
    public Optional<Object> serviceFor(Entry entry, Owner consumer) {
        return Optional.ofNullable(entry.serviceFor(consumer));
    }

    <T> Registration register(Owner owner, Class<T> type, T service) {
        requireNonNull(type, "type is null");
        requireNonNull(service, "service is null");
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service.getClass().getName() + " is not a " + type.getName());
        }
        return add(new Entry(owner, type, service, null));
    }

    <T> Registration registerFactory(Owner owner, Class<T> type, ServiceFactory<T> factory) {
        requireNonNull(type, "type is null");
        requireNonNull(factory, "factory is null");
        return add(new Entry(owner, type, factory, new Instances(owner, type, factory)));
    }

    private Registration add(Entry entry) {
        synchronized (changes) {
            entries.add(entry);
            for (Tracker tracker : trackers) {
                if (tracker.type == entry.type()) {
                    tracker.notifyAdded(entry);
                }
            }
        }
        return entry.owner().track(() -> unregister(entry));
    }

    private void unregister(Entry entry) {
        synchronized (changes) {
            if (!entries.remove(entry)) {
                return;
            }
            for (Tracker tracker : trackers) {
                if (tracker.type == entry.type()) {
                    tracker.notifyRemoved(entry);
                }
            }
            if (entry.instances != null) {
                entry.instances.releaseAll();
            }
        }
    }

    <T> Optional<T> find(Owner consumer, Class<T> type) {
        for (Entry e : entries) {
            if (e.type() == type) {
                Object service = e.serviceFor(consumer);
                if (service != null) {
                    return Optional.of(type.cast(service));
                }
            }
        }
        return Optional.empty();
    }

    <T> List<T> findAll(Owner consumer, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.type() == type) {
                Object service = e.serviceFor(consumer);
                if (service != null) {
                    found.add(type.cast(service));
                }
            }
        }
        return found;
    }

    <T> Registration track(Owner owner, Class<T> type, ServiceListener<? super T> listener) {
        Tracker tracker = new Tracker(owner, type, listener);
        synchronized (changes) {
            trackers.add(tracker);
            for (Entry e : entries) {
                if (e.type() == type) {
                    tracker.notifyAdded(e);
                }
            }
        }
        return owner.track(() -> {
            synchronized (changes) {
                trackers.remove(tracker);
            }
        });
    }

    /**
     * One registered service.
     *
     * @param owner who registered it
     * @param type the type it is registered under
     * @param service the service, or the {@link ServiceFactory} that makes it per consumer
     * @param instances what the factory made, per consumer; null for a plain service
     */
    public record Entry(Owner owner, Class<?> type, Object service, @Nullable Instances instances) {
        public Entry {
            requireNonNull(owner, "owner is null");
            requireNonNull(type, "type is null");
            requireNonNull(service, "service is null");
        }

        /** Whether the service is made per consumer. */
        public boolean isFactory() {
            return instances != null;
        }

        @Nullable Object serviceFor(Owner consumer) {
            return instances == null ? service : instances.get(consumer);
        }
    }

    /** The instances a factory made, one per consumer run, released when that run ends. */
    static final class Instances {
        private final Owner provider;
        private final Class<?> type;
        private final ServiceFactory<Object> factory;
        private final Map<Owner, Object> made = new IdentityHashMap<>();
        private boolean withdrawn;

        @SuppressWarnings("unchecked")
        Instances(Owner provider, Class<?> type, ServiceFactory<?> factory) {
            this.provider = provider;
            this.type = type;
            this.factory = (ServiceFactory<Object>) factory;
        }

        synchronized @Nullable Object existing(Owner consumer) {
            return made.get(consumer);
        }

        synchronized @Nullable Object get(Owner consumer) {
            if (withdrawn) {
                return null;
            }
            Object existing = made.get(consumer);
            if (existing != null) {
                return existing;
            }
            Object instance;
            try {
                instance = provider.call(() -> factory.create(consumer.id()));
            } catch (Exception e) {
                log.warn("plugin '{}': service factory for {} failed for '{}'", provider.id(), type.getName(), consumer.id(), e);
                return null;
            }
            if (!type.isInstance(instance)) {
                log.warn("plugin '{}': service factory for {} made a {}", provider.id(), type.getName(),
                        instance == null ? "null" : instance.getClass().getName());
                return null;
            }
            made.put(consumer, instance);
            if (consumer != provider) {
                // when the consumer's run ends, so does its instance; a run that has ended gets it released at once
                consumer.track(() -> release(consumer));
            }
            return instance;
        }

        void release(Owner consumer) {
            Object instance;
            synchronized (this) {
                instance = made.remove(consumer);
            }
            if (instance != null) {
                releaseNow(consumer, instance);
            }
        }

        void releaseAll() {
            Map<Owner, Object> all;
            synchronized (this) {
                withdrawn = true;
                all = new IdentityHashMap<>(made);
                made.clear();
            }
            all.forEach(this::releaseNow);
        }

        private void releaseNow(Owner consumer, Object instance) {
            try {
                provider.run(() -> factory.release(consumer.id(), instance));
            } catch (RuntimeException e) {
                log.warn("plugin '{}': releasing {} for '{}' threw", provider.id(), type.getName(), consumer.id(), e);
            }
        }
    }

    private static final class Tracker {
        private final Owner owner;
        private final Class<?> type;
        private final ServiceListener<Object> listener;

        @SuppressWarnings("unchecked")
        Tracker(Owner owner, Class<?> type, ServiceListener<?> listener) {
            this.owner = owner;
            this.type = type;
            this.listener = (ServiceListener<Object>) listener;
        }

        void notifyAdded(Entry entry) {
            Object service = entry.serviceFor(owner);
            if (service != null) {
                deliver(() -> listener.added(service), "added");
            }
        }

        void notifyRemoved(Entry entry) {
            Object service = entry.instances == null ? entry.service() : entry.instances.existing(owner);
            if (service != null) {
                deliver(() -> listener.removed(service), "removed");
            }
        }

        private void deliver(Runnable callback, String what) {
            try {
                owner.run(callback);
            } catch (RuntimeException e) {
                log.warn("plugin '{}': service listener for {} threw in {}()", owner.id(), type.getName(), what, e);
            }
        }
    }
}
