package dev.vigil.kernel.lifecycle;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the manager knows of one JAR in the plugins folder. */
final class JarFileState {
    final Path path;
    final @Nullable String pluginId;
    final @Nullable String version;
    final @Nullable String refusal;
    final @Nullable String checksum;
    final Instant since;

    private JarFileState(Path path, @Nullable String pluginId, @Nullable String version, @Nullable String refusal,
            @Nullable String checksum, Instant since) {
        this.path = path;
        this.pluginId = pluginId;
        this.version = version;
        this.refusal = refusal;
        this.checksum = checksum;
        this.since = since;
    }

    static JarFileState installed(Path path, String id, @Nullable String checksum) {
        return new JarFileState(path, id, null, null, checksum, Instant.EPOCH);
    }

    static JarFileState refused(Path path, @Nullable String id, @Nullable String version, String reason,
            @Nullable String checksum, Instant since) {
        return new JarFileState(path, id, version, reason, checksum, since);
    }

    JarFileState withChecksum(@Nullable String newChecksum) {
        return new JarFileState(path, pluginId, version, refusal, newChecksum, since);
    }
}
