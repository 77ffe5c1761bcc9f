package dev.vigil.api.health;

import dev.vigil.api.Registration;

/**
 * Where a plugin registers its health indicators. Each appears in {@code /health/ready} as
 * {@code <plugin id>.<name>}. Thread-safe.
 */
public interface HealthRegistry {

    /**
     * Adds an indicator.
     *
     * @throws IllegalStateException if this plugin already registered one with this name
     */
    Registration register(String name, HealthIndicator indicator);
}
