package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The remote write receiver's settings. Every key is optional; see {@link #defaults()}.
 *
 * @param maxDecompressedBytes the largest request accepted once decompressed; a request that declares more
 *     is refused with 413 before anything is allocated for it
 */
public record ReceiverSettings(ByteSize maxDecompressedBytes) {

    private static final ReceiverSettings DEFAULTS = new ReceiverSettings(ByteSize.ofMebibytes(64));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above
     */
    public ReceiverSettings {
        requireNonNull(maxDecompressedBytes, "maxDecompressedBytes is null");
        if (maxDecompressedBytes.bytes() <= 0 || maxDecompressedBytes.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDecompressedBytes must be between 1B and 2GiB, got " + maxDecompressedBytes);
        }
    }

    /** 64MiB decompressed requests. */
    public static ReceiverSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ReceiverSettings fromConfig(@JsonProperty("maxDecompressedBytes") @Nullable ByteSize maxDecompressedBytes) {
        return new ReceiverSettings(requireNonNullElse(maxDecompressedBytes, DEFAULTS.maxDecompressedBytes));
    }
}
