package dev.vigil.logging.otlp;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The OTLP/HTTP logs receiver's settings, the {@code receivers.otlp} section of the logging plugin. Every key is
 * optional.
 *
 * @param enabled whether {@code /v1/logs} is served (default true)
 * @param maxDecompressedBytes the largest request body accepted once decompressed (default 64MiB); a larger one is
 *     refused with 413 before it is parsed
 */
public record OtlpLogsSettings(boolean enabled, ByteSize maxDecompressedBytes) {

    private static final OtlpLogsSettings DEFAULTS = new OtlpLogsSettings(true, ByteSize.ofMebibytes(64));

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code maxDecompressedBytes} is not positive or not below 2GiB
     */
    public OtlpLogsSettings {
        requireNonNull(maxDecompressedBytes, "maxDecompressedBytes is null");
        if (maxDecompressedBytes.bytes() <= 0 || maxDecompressedBytes.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive and below 2GiB (a request is decoded in memory), got "
                    + maxDecompressedBytes);
        }
    }

    /** Served, 64 MiB decompressed bodies. */
    public static OtlpLogsSettings defaults() {
        return DEFAULTS;
    }

    @JsonCreator
    private static OtlpLogsSettings fromConfig(@JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("maxDecompressedBytes") @Nullable ByteSize maxDecompressedBytes) {
        return new OtlpLogsSettings(requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(maxDecompressedBytes, DEFAULTS.maxDecompressedBytes));
    }
}
