package dev.vigil.tracing.otlp;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The OTLP/HTTP traces receiver's settings, the {@code receivers.otlp} section of the tracing plugin. Every key is
 * optional.
 *
 * @param enabled whether {@code /v1/traces} is served (default true)
 * @param maxDecompressedBytes the largest request body accepted once decompressed (default 64MiB); a larger one is
 *     refused with 413 before it is parsed
 */
public record OtlpTracesSettings(boolean enabled, ByteSize maxDecompressedBytes) {

    private static final OtlpTracesSettings DEFAULTS = new OtlpTracesSettings(true, ByteSize.ofMebibytes(64));

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code maxDecompressedBytes} is not positive or not below 2GiB
     */
    public OtlpTracesSettings {
        requireNonNull(maxDecompressedBytes, "maxDecompressedBytes is null");
        if (maxDecompressedBytes.bytes() <= 0 || maxDecompressedBytes.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive and below 2GiB (a request is decoded in memory), got "
                    + maxDecompressedBytes);
        }
    }

    /** Served, 64 MiB decompressed bodies. */
    public static OtlpTracesSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static OtlpTracesSettings fromConfig(@JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("maxDecompressedBytes") @Nullable ByteSize maxDecompressedBytes) {
        return new OtlpTracesSettings(requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(maxDecompressedBytes, DEFAULTS.maxDecompressedBytes));
    }
}
