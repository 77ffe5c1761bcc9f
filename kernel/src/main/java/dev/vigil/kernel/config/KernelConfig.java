package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The kernel's own section of the configuration file, {@code kernel}. Every key is optional; see
 * {@link #defaults()}. A blank string counts as not given, so {@code adminToken: ${VIGIL_TOKEN:-}} leaves the
 * token to the launcher when the variable is unset.
 *
 * @param http the HTTP server
 * @param otlp the OTLP/HTTP listener
 * @param adminToken the token that admin routes require; null to take it from the environment variable
 *     {@code VIGIL_ADMIN_TOKEN} or to generate one
 * @param pluginsDir the folder plugin JARs are deployed from; null to let the launcher decide
 * @param dataDir the folder for the platform's and the plugins' data; null to let the launcher decide
 * @param startTimeout how long a plugin may take to start; more than zero
 * @param stopTimeout how long a plugin may take to stop; more than zero
 * @param watch watching the plugins folder and the configuration file for changes
 */
public record KernelConfig(
        HttpSettings http,
        OtlpSettings otlp,
        @Nullable String adminToken,
        @Nullable String pluginsDir,
        @Nullable String dataDir,
        Duration startTimeout,
        Duration stopTimeout,
        WatchSettings watch) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final KernelConfig DEFAULTS = new KernelConfig(
            HttpSettings.defaults(), OtlpSettings.defaults(), null, null, null, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, WatchSettings.defaults());

    /**
     * Checks the rules above; a blank string becomes null.
     *
     * @throws IllegalArgumentException if a timeout is not positive
     */
    public KernelConfig {
        requireNonNull(http, "http is null");
        requireNonNull(otlp, "otlp is null");
        requireNonNull(startTimeout, "startTimeout is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
        requireNonNull(watch, "watch is null");
        adminToken = blankToNull(adminToken);
        pluginsDir = blankToNull(pluginsDir);
        dataDir = blankToNull(dataDir);
        requirePositive("startTimeout", startTimeout);
        requirePositive("stopTimeout", stopTimeout);
    }

    /**
     * The HTTP server's and the watcher's defaults, no admin token, folders left to the launcher, and 10s to
     * start and to stop a plugin.
     */
    public static KernelConfig defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static KernelConfig fromConfig(
            @JsonProperty("http") @Nullable HttpSettings http,
            @JsonProperty("otlp") @Nullable OtlpSettings otlp,
            @JsonProperty("adminToken") @Nullable String adminToken,
            @JsonProperty("pluginsDir") @Nullable String pluginsDir,
            @JsonProperty("dataDir") @Nullable String dataDir,
            @JsonProperty("startTimeout") @Nullable Duration startTimeout,
            @JsonProperty("stopTimeout") @Nullable Duration stopTimeout,
            @JsonProperty("watch") @Nullable WatchSettings watch) {
        return new KernelConfig(
                requireNonNullElse(http, DEFAULTS.http),
                requireNonNullElse(otlp, DEFAULTS.otlp),
                adminToken,
                pluginsDir,
                dataDir,
                requireNonNullElse(startTimeout, DEFAULTS.startTimeout),
                requireNonNullElse(stopTimeout, DEFAULTS.stopTimeout),
                requireNonNullElse(watch, DEFAULTS.watch));
    }

    /** Shows whether an admin token is set, never the token itself, so the value can be logged. */
    @Override
    public String toString() {
        return "KernelConfig[http=" + http
                + ", otlp=" + otlp
                + ", adminToken=" + (adminToken == null ? "null" : "(set)")
                + ", pluginsDir=" + pluginsDir
                + ", dataDir=" + dataDir
                + ", startTimeout=" + Durations.format(startTimeout)
                + ", stopTimeout=" + Durations.format(stopTimeout)
                + ", watch=" + watch + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + Durations.format(value));
        }
    }
}
