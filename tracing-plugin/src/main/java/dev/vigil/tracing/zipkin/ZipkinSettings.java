package dev.vigil.tracing.zipkin;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Zipkin's v2 API on the API port, the {@code zipkin} section of the tracing plugin. Every key is optional.
 *
 * @param enabled whether the Zipkin API ({@code /api/v2/...}) is served (default true)
 * @param maxDecompressedBytes the largest {@code POST /api/v2/spans} body accepted once decompressed (default 64MiB);
 *     a larger one is refused with 413 before it is parsed
 * @param defaultLookback how far back {@code /api/v2/traces} and {@code /api/v2/dependencies} look when the request
 *     gives no {@code lookback}, and how far back the names of services, spans and remote services are listed
 *     (default 1 day, as Zipkin's {@code QUERY_LOOKBACK})
 * @param autocompleteKeys the attribute names whose values {@code /api/v2/autocompleteValues} lists, so that the Zipkin
 *     UI can offer them in its search (default none)
 */
public record ZipkinSettings(boolean enabled, ByteSize maxDecompressedBytes, Duration defaultLookback, List<String> autocompleteKeys) {

    private static final ZipkinSettings DEFAULTS = new ZipkinSettings(true, ByteSize.ofMebibytes(64), Duration.ofDays(1), List.of());

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public ZipkinSettings {
        requireNonNull(maxDecompressedBytes, "maxDecompressedBytes is null");
        requireNonNull(defaultLookback, "defaultLookback is null");
        autocompleteKeys = List.copyOf(autocompleteKeys);
        if (maxDecompressedBytes.bytes() <= 0 || maxDecompressedBytes.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive and below 2GiB (a request is decoded in memory), got "
                    + maxDecompressedBytes);
        }
        if (defaultLookback.toMillis() <= 0) {
            throw new IllegalArgumentException("defaultLookback must be at least 1ms, got " + defaultLookback);
        }
        for (String key : autocompleteKeys) {
            if (key.isBlank()) {
                throw new IllegalArgumentException("autocompleteKeys must not hold an empty name, got " + autocompleteKeys);
            }
        }
    }

    /** Served, 64 MiB decompressed bodies, a lookback of one day, no autocomplete keys. */
    public static ZipkinSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ZipkinSettings fromConfig(@JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("maxDecompressedBytes") @Nullable ByteSize maxDecompressedBytes,
            @JsonProperty("defaultLookback") @Nullable Duration defaultLookback,
            @JsonProperty("autocompleteKeys") @Nullable List<String> autocompleteKeys) {
        return new ZipkinSettings(requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(maxDecompressedBytes, DEFAULTS.maxDecompressedBytes),
                requireNonNullElse(defaultLookback, DEFAULTS.defaultLookback),
                requireNonNullElse(autocompleteKeys, DEFAULTS.autocompleteKeys));
    }
}
