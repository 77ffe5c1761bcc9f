package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code store} output of the logging section: the platform's own logs also kept in the log store, as records
 * of the service {@code serviceName}. Records wait in a bounded queue for the store; when it is full, TRACE to INFO
 * events are dropped (and counted in a WARN line once a minute) while WARN and above wait up to {@code maxWait} for
 * room. Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether the platform's logs go to the log store
 * @param queueSize how many events may wait for the store, 1 to 1,000,000
 * @param serviceName the {@code service.name} of the records
 * @param maxWait how long a WARN, ERROR or FATAL event may wait for room in a full queue before it is dropped too;
 *     from 0 to 1 minute
 */
public record StoreOutputSettings(boolean enabled, int queueSize, String serviceName, Duration maxWait) {

    private static final StoreOutputSettings DEFAULTS = new StoreOutputSettings(true, 8192, "vigil", Duration.ofSeconds(5));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public StoreOutputSettings {
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(maxWait, "maxWait is null");
        if (queueSize < 1 || queueSize > 1_000_000) {
            throw new IllegalArgumentException("store.queueSize must be from 1 to 1000000, got " + queueSize);
        }
        if (serviceName.isBlank()) {
            throw new IllegalArgumentException("store.serviceName must not be empty");
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("store.maxWait must be from 0s to 1m, got " + maxWait);
        }
    }

    /** Enabled, 8192 events queued, service {@code vigil}, warnings waiting up to 5 seconds. */
    public static StoreOutputSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static StoreOutputSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("queueSize") @Nullable Integer queueSize,
            @JsonProperty("serviceName") @Nullable String serviceName,
            @JsonProperty("maxWait") @Nullable Duration maxWait) {
        return new StoreOutputSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(queueSize, DEFAULTS.queueSize),
                requireNonNullElse(serviceName, DEFAULTS.serviceName),
                requireNonNullElse(maxWait, DEFAULTS.maxWait));
    }
}
