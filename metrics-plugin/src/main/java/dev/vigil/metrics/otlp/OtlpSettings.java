package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The OTLP/HTTP metrics receiver's settings. Every key is optional; see {@link #defaults()}.
 *
 * @param maxDecompressedBytes the largest request body accepted once decompressed; a larger one is refused
 *     with 413 before it is parsed
 * @param targetInfo whether resource attributes other than {@code service.name}, {@code service.namespace}
 *     and {@code service.instance.id} are written to a {@code target_info} series
 * @param scopeLabels whether every series carries the instrumentation scope as {@code otel_scope_name} and
 *     {@code otel_scope_version} labels
 */
public record OtlpSettings(ByteSize maxDecompressedBytes, boolean targetInfo, boolean scopeLabels) {

    private static final OtlpSettings DEFAULTS = new OtlpSettings(ByteSize.ofMebibytes(64), true, true);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if {@code maxDecompressedBytes} is not positive
     */
    public OtlpSettings {
        requireNonNull(maxDecompressedBytes, "maxDecompressedBytes is null");
        if (maxDecompressedBytes.bytes() <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive, got " + maxDecompressedBytes);
        }
        if (maxDecompressedBytes.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be below 2GiB (a request is decoded in memory), got "
                    + maxDecompressedBytes);
        }
    }

    /** 64 MiB decompressed bodies, {@code target_info} on, scope labels on. */
    public static OtlpSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static OtlpSettings fromConfig(
            @JsonProperty("maxDecompressedBytes") @Nullable ByteSize maxDecompressedBytes,
            @JsonProperty("targetInfo") @Nullable Boolean targetInfo,
            @JsonProperty("scopeLabels") @Nullable Boolean scopeLabels) {
        return new OtlpSettings(
                requireNonNullElse(maxDecompressedBytes, DEFAULTS.maxDecompressedBytes),
                requireNonNullElse(targetInfo, DEFAULTS.targetInfo),
                requireNonNullElse(scopeLabels, DEFAULTS.scopeLabels));
    }
}
