package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} output of the logging section: a file rolled over every day and whenever it reaches
 * {@code maxFileSize}, the rolled files named after the active one with the day and an index
 * ({@code vigil.2025-03-14.0.log.gz} next to {@code vigil.log}). Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether events are written to the file
 * @param path the active file; its folder is made when missing; relative to the working directory
 * @param format JSON lines or readable text
 * @param maxFileSize the size at which the active file is rolled over
 * @param maxHistory how many days of rolled files are kept besides today's; 0 to keep every day
 * @param totalSizeCap the most bytes all rolled files may take, the oldest deleted first; {@code 0B} for no cap
 * @param compress whether rolled files are gzipped
 */
public record FileSettings(boolean enabled, Path path, LogFormat format, ByteSize maxFileSize, int maxHistory,
        ByteSize totalSizeCap, boolean compress) {

    private static final FileSettings DEFAULTS = new FileSettings(false, Path.of("logs", "vigil.log"), LogFormat.JSON,
            ByteSize.ofMebibytes(100), 7, ByteSize.ofMebibytes(1024), true);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public FileSettings {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(maxFileSize, "maxFileSize is null");
        requireNonNull(totalSizeCap, "totalSizeCap is null");
        if (path.getFileName() == null || path.toString().isBlank()) {
            throw new IllegalArgumentException("file.path must name a file, got '" + path + "'");
        }
        // the rolled files' names are a Logback pattern made from the path, in which % starts a conversion
        if (path.toString().indexOf('%') >= 0) {
            throw new IllegalArgumentException("file.path must not contain '%', got '" + path + "'");
        }
        if (maxFileSize.bytes() < 1) {
            throw new IllegalArgumentException("file.maxFileSize must be positive, got " + maxFileSize);
        }
        if (maxHistory < 0) {
            throw new IllegalArgumentException("file.maxHistory must not be negative, got " + maxHistory);
        }
        if (totalSizeCap.bytes() != 0 && totalSizeCap.compareTo(maxFileSize) < 0) {
            throw new IllegalArgumentException("file.totalSizeCap must be at least file.maxFileSize (" + maxFileSize
                    + "), or 0B for no cap, got " + totalSizeCap);
        }
    }

    /** Disabled; {@code logs/vigil.log}, JSON, rolled at 100MiB and daily, 7 days and 1GiB kept, gzipped. */
    public static FileSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static FileSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("path") @Nullable String path,
            @JsonProperty("format") @Nullable LogFormat format,
            @JsonProperty("maxFileSize") @Nullable ByteSize maxFileSize,
            @JsonProperty("maxHistory") @Nullable Integer maxHistory,
            @JsonProperty("totalSizeCap") @Nullable ByteSize totalSizeCap,
            @JsonProperty("compress") @Nullable Boolean compress) {
        return new FileSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                path == null ? DEFAULTS.path : toPath(path),
                requireNonNullElse(format, DEFAULTS.format),
                requireNonNullElse(maxFileSize, DEFAULTS.maxFileSize),
                requireNonNullElse(maxHistory, DEFAULTS.maxHistory),
                requireNonNullElse(totalSizeCap, DEFAULTS.totalSizeCap),
                requireNonNullElse(compress, DEFAULTS.compress));
    }

    private static Path toPath(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("file.path is not a valid path: " + e.getMessage(), e);
        }
    }
}
