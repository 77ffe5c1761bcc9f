package dev.vigil.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The installation folder: {@code -Dvigil.home} as set by {@code bin/vigil}, else the working directory.
 * Default paths are resolved against it, so the command works from any working directory.
 */
final class Home {

    private Home() {}

    static Path home() {
        String home = System.getProperty("vigil.home");
        return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    static Path pluginsOr(@Nullable Path explicit) {
        return explicit != null ? explicit.toAbsolutePath() : home().resolve("plugins");
    }

    /** The configuration file: the explicit one, else {@code conf/vigil.yaml} if it exists, else none. */
    static @Nullable Path configOr(@Nullable Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        Path file = home().resolve("conf").resolve("vigil.yaml");
        return Files.isRegularFile(file) ? file : null;
    }
}
