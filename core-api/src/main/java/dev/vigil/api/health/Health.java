package dev.vigil.api.health;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The result of one health check: a status and details that are shown as JSON in {@code /health/ready}.
 *
 * @param status the status
 * @param details values that explain it, such as a queue depth or the last error
 */
public record Health(HealthStatus status, Map<String, Object> details) {

    /** Checks the arguments and copies the details. */
    public Health {
        requireNonNull(status, "status is null");
        details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    /** UP with no details. */
    public static Health up() {
        return new Health(HealthStatus.UP, Map.of());
    }

    /** UP with details. */
    public static Health up(Map<String, Object> details) {
        return new Health(HealthStatus.UP, details);
    }

    /** DEGRADED with the reason as detail {@code reason}. */
    public static Health degraded(String reason) {
        return new Health(HealthStatus.DEGRADED, Map.of("reason", reason));
    }

    /** DOWN with the reason as detail {@code reason}. */
    public static Health down(String reason) {
        return new Health(HealthStatus.DOWN, Map.of("reason", reason));
    }
}
