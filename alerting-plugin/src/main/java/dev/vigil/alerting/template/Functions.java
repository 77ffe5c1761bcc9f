package dev.vigil.alerting.template;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every function an alert template may call: Go's predefined ones and Prometheus's. Immutable. */
final class Functions {

    private static final Map<String, Function> ALL;

    static {
        Map<String, Function> all = new HashMap<>();
        Builtins.register(all);
        PromFunctions.register(all);
        ALL = Map.copyOf(all);
    }

    private Functions() {}

    /** The function {@code name}, or null when there is none. */
    static @Nullable Function lookup(String name) {
        return ALL.get(name);
    }
}
