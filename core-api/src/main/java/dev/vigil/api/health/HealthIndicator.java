package dev.vigil.api.health;

/**
 * Reports the health of one component of a plugin. Called on every {@code /health/ready} request, so it
 * should answer from state it already has rather than do slow I/O. What it throws is reported as
 * {@link HealthStatus#DOWN} with the exception's message.
 */
@FunctionalInterface
public interface HealthIndicator {

    /** The component's health now. */
    Health check() throws Exception;
}
