package dev.vigil.kernel.health;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.health.Health;
import dev.vigil.api.health.HealthIndicator;
import dev.vigil.api.health.HealthRegistry;
import dev.vigil.api.health.HealthStatus;
import dev.vigil.kernel.owner.Owner;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every health indicator of the process, named {@code <owner>.<name>}. */
public final class KernelHealthRegistry {

    private static final Logger log = LoggerFactory.getLogger(KernelHealthRegistry.class);

    private final Map<String, Component> components = new ConcurrentHashMap<>();

    /** A registry view for one owner. */
    public HealthRegistry viewFor(Owner owner) {
        return (name, indicator) -> register(owner, name, indicator);
    }

    private Registration register(Owner owner, String name, HealthIndicator indicator) {
        requireNonNull(name, "name is null");
        requireNonNull(indicator, "indicator is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("health indicator name is blank");
        }
        String key = owner.id() + "." + name;
        Component component = new Component(owner, indicator);
        if (components.putIfAbsent(key, component) != null) {
            throw new IllegalStateException("health indicator '" + key + "' is already registered");
        }
        return owner.track(() -> components.remove(key, component));
    }

    /** Runs every indicator and returns the results by name, sorted; a throwing indicator is reported DOWN. */
    public Map<String, Health> checkAll() {
        Map<String, Health> results = new TreeMap<>();
        components.forEach((key, component) -> results.put(key, check(key, component)));
        return results;
    }

    private static Health check(String key, Component component) {
        try {
            Health health = component.owner.call(component.indicator::check);
            return health == null ? Health.down("indicator returned no result") : health;
        } catch (Exception e) {
            log.debug("health indicator {} threw", key, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Health(HealthStatus.DOWN, Map.of("reason", message));
        }
    }

    private record Component(Owner owner, HealthIndicator indicator) {}
}
