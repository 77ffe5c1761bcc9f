package dev.vigil.examples.filechannel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code file} channel, as a receiver gives them in the {@code alerting} section:
 *
 * <pre>{@code
 * - type: file
 *   path: /var/log/vigil/notifications.jsonl
 *   sendResolved: true
 * }</pre>
 *
 * @param path the file notifications are appended to; created with its folders if missing
 * @param sendResolved whether notifications whose alerts have all resolved are written too (default true)
 */
public record FileChannelConfig(Path path, boolean sendResolved) {

    /** Checks the parts. */
    public FileChannelConfig {
        requireNonNull(path, "path is null");
    }

    /** Binds the settings; a missing {@code sendResolved} is true. */
    @JsonCreator
    static FileChannelConfig fromConfig(@JsonProperty("path") @Nullable String path,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is required: the file notifications are appended to");
        }
        return new FileChannelConfig(Path.of(path), sendResolved == null || sendResolved);
    }
}
