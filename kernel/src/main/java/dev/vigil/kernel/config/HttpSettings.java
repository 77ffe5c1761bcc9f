package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The kernel's HTTP server, the {@code kernel.http} section. Every key is optional; see {@link #defaults()}.
 *
 * @param bind the address to listen on: {@code 127.0.0.1} for this machine only, {@code 0.0.0.0} for every
 *     interface
 * @param port the port to listen on, from 0 to 65535; 0 picks any free port
 * @param maxRequestBytes the largest request body accepted, in bytes
 * @param maxConcurrentRequests how many requests are handled at the same time before more are refused
 */
public record HttpSettings(String bind, int port, long maxRequestBytes, int maxConcurrentRequests) {

    private static final HttpSettings DEFAULTS = new HttpSettings("127.0.0.1", 9400, 10 * 1024 * 1024, 64);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above
     */
    public HttpSettings {
        check(bind, port, maxRequestBytes, maxConcurrentRequests);
    }

    /** The rules of a listener's settings, shared with {@link OtlpSettings}. */
    static void check(String bind, int port, long maxRequestBytes, int maxConcurrentRequests) {
        requireNonNull(bind, "bind is null");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind must not be blank (use 0.0.0.0 to listen on every interface)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (0 picks any free port), got " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, got " + maxRequestBytes);
        }
        if (maxConcurrentRequests <= 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive, got " + maxConcurrentRequests);
        }
    }

    /** {@code 127.0.0.1}, port 9400, 10 MiB request bodies, 64 concurrent requests. */
    public static HttpSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static HttpSettings fromConfig(
            @JsonProperty("bind") @Nullable String bind,
            @JsonProperty("port") @Nullable Integer port,
            @JsonProperty("maxRequestBytes") @Nullable Long maxRequestBytes,
            @JsonProperty("maxConcurrentRequests") @Nullable Integer maxConcurrentRequests) {
        return new HttpSettings(
                requireNonNullElse(bind, DEFAULTS.bind),
                requireNonNullElse(port, DEFAULTS.port),
                requireNonNullElse(maxRequestBytes, DEFAULTS.maxRequestBytes),
                requireNonNullElse(maxConcurrentRequests, DEFAULTS.maxConcurrentRequests));
    }
}
