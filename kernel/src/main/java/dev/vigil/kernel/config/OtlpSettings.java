package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The OTLP/HTTP listener, the {@code kernel.otlp} section: a second HTTP server, on the port OpenTelemetry
 * SDKs and collectors send to by default, where plugins serve {@code /v1/metrics}, {@code /v1/traces} and
 * {@code /v1/logs}. Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether to listen at all
 * @param bind the address to listen on: {@code 127.0.0.1} for this machine only, {@code 0.0.0.0} for every
 *     interface
 * @param port the port to listen on, from 0 to 65535; 0 picks any free port
 * @param maxRequestBytes the largest request body accepted, in bytes (as sent, before decompression)
 * @param maxConcurrentRequests how many requests are handled at the same time before more are refused
 */
public record OtlpSettings(boolean enabled, String bind, int port, long maxRequestBytes, int maxConcurrentRequests) {

    private static final OtlpSettings DEFAULTS = new OtlpSettings(true, "127.0.0.1", 4318, 20 * 1024 * 1024, 64);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above
     */
    public OtlpSettings {
        HttpSettings.check(bind, port, maxRequestBytes, maxConcurrentRequests);
    }

    /** Enabled, {@code 127.0.0.1}, port 4318, 20 MiB request bodies, 64 concurrent requests. */
    public static OtlpSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static OtlpSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("bind") @Nullable String bind,
            @JsonProperty("port") @Nullable Integer port,
            @JsonProperty("maxRequestBytes") @Nullable Long maxRequestBytes,
            @JsonProperty("maxConcurrentRequests") @Nullable Integer maxConcurrentRequests) {
        return new OtlpSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(bind, DEFAULTS.bind),
                requireNonNullElse(port, DEFAULTS.port),
                requireNonNullElse(maxRequestBytes, DEFAULTS.maxRequestBytes),
                requireNonNullElse(maxConcurrentRequests, DEFAULTS.maxConcurrentRequests));
    }
}
