package dev.vigil.kernel.service;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.service.ServiceListener;
import dev.vigil.kernel.owner.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of services for the whole process. Plugins see it through {@link #viewFor(Owner)},
 * which records ownership so that a plugin's services and trackers leave with it. Lookups are lock-free;
 * changes are serialised so that trackers see additions and removals in order.
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

    <T> Registration register(Owner owner, Class<T> type, T service) {
        requireNonNull(type, "type is null");
        requireNonNull(service, "service is null");
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service.getClass().getName() + " is not a " + type.getName());
        }
        Entry entry = new Entry(owner, type, service);
        synchronized (changes) {
            entries.add(entry);
            for (Tracker tracker : trackers) {
                if (tracker.type == type) {
                    tracker.notifyAdded(service);
                }
            }
        }
        return owner.track(() -> unregister(entry));
    }

    private void unregister(Entry entry) {
        synchronized (changes) {
            if (!entries.remove(entry)) {
                return;
            }
            for (Tracker tracker : trackers) {
                if (tracker.type == entry.type()) {
                    tracker.notifyRemoved(entry.service());
                }
            }
        }
    }

    <T> Optional<T> find(Class<T> type) {
        for (Entry e : entries) {
            if (e.type() == type) {
                return Optional.of(type.cast(e.service()));
            }
        }
        return Optional.empty();
    }

    <T> List<T> findAll(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.type() == type) {
                found.add(type.cast(e.service()));
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
                    tracker.notifyAdded(e.service());
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
     * @param service the service
     */
    public record Entry(Owner owner, Class<?> type, Object service) {
        public Entry {
            requireNonNull(owner, "owner is null");
            requireNonNull(type, "type is null");
            requireNonNull(service, "service is null");
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

        void notifyAdded(Object service) {
            deliver(() -> listener.added(service), "added");
        }

        void notifyRemoved(Object service) {
            deliver(() -> listener.removed(service), "removed");
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
