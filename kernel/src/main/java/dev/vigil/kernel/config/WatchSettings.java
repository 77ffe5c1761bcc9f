package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Watching the plugins folder and the configuration file for changes, the {@code kernel.watch} section.
 * Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether changes are picked up while the platform runs
 * @param quietPeriod how long a changed file must stay unchanged before it is acted on, so that a file still
 *     being copied or saved is not read half-written; zero or more
 * @param pollInterval how often files are checked for changes; more than zero
 */
public record WatchSettings(boolean enabled, Duration quietPeriod, Duration pollInterval) {

    private static final WatchSettings DEFAULTS = new WatchSettings(true, Duration.ofMillis(200), Duration.ofMillis(100));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a duration breaks a rule above
     */
    public WatchSettings {
        requireNonNull(quietPeriod, "quietPeriod is null");
        requireNonNull(pollInterval, "pollInterval is null");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative, got " + Durations.format(quietPeriod));
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, got " + Durations.format(pollInterval));
        }
    }

    /** Enabled, a quiet period of 200ms, checked every 100ms. */
    public static WatchSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static WatchSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("quietPeriod") @Nullable Duration quietPeriod,
            @JsonProperty("pollInterval") @Nullable Duration pollInterval) {
        return new WatchSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(quietPeriod, DEFAULTS.quietPeriod),
                requireNonNullElse(pollInterval, DEFAULTS.pollInterval));
    }
}
