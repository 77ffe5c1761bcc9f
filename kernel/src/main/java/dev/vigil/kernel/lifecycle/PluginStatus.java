package dev.vigil.kernel.lifecycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.api.plugin.PluginState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/v1/plugins} shows of one plugin, or of a JAR that could not become one.
 *
 * @param id the plugin id, or null when the JAR's descriptor could not be read
 * @param version the plugin version, or null when unknown
 * @param state the lifecycle state
 * @param requires the requirements as declared, such as {@code hello@[0.1,1.0)}
 * @param file the JAR's file name in the plugins folder, or {@code classpath:<class>} for in-process plugins
 * @param error the one-line reason of the last failure, or null
 * @param since when the plugin entered its state
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PluginStatus(
        @Nullable String id,
        @Nullable String version,
        PluginState state,
        List<String> requires,
        String file,
        @Nullable String error,
        Instant since) {

    public PluginStatus {
        requireNonNull(state, "state is null");
        requires = List.copyOf(requireNonNull(requires, "requires is null"));
        requireNonNull(file, "file is null");
        requireNonNull(since, "since is null");
    }
}
