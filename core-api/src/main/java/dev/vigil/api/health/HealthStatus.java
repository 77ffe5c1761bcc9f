package dev.vigil.api.health;

/** The status of one health component. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Working with reduced function; does not make the platform unready. */
    DEGRADED,
    /** Not working; makes {@code /health/ready} answer 503. */
    DOWN
}
