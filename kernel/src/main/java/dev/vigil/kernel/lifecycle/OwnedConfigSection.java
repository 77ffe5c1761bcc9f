package dev.vigil.kernel.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.kernel.owner.Owner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plugin's configuration section: the current value, swapped atomically when the file changes. */
final class OwnedConfigSection<T> implements ConfigSection<T> {

    private static final Logger log = LoggerFactory.getLogger(OwnedConfigSection.class);

    private final Owner owner;
    private final Class<T> type;
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    OwnedConfigSection(Owner owner, Class<T> type, T value) {
        this.owner = owner;
        this.type = type;
        this.value = requireNonNull(value, "value is null");
    }

    Class<T> type() {
        return type;
    }

    @Override
    public T get() {
        return value;
    }

    @Override
    public Registration onChange(Consumer<? super T> listener) {
        requireNonNull(listener, "listener is null");
        listeners.add(listener);
        return owner.track(() -> listeners.remove(listener));
    }

    /** Sets a new value and tells the listeners; a listener that throws is logged and the others still run. */
    void update(Object newValue) {
        T typed = type.cast(newValue);
        value = typed;
        for (Consumer<? super T> listener : listeners) {
            try {
                owner.run(() -> listener.accept(typed));
            } catch (RuntimeException e) {
                log.warn("plugin '{}': configuration listener threw", owner.id(), e);
            }
        }
    }
}
