package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.Kernel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kernel looks for plugins and keeps data: option, then configuration, then default, under home. */
class KernelDirectoriesTest {

    @TempDir
    Path home;

    @Test
    void configuredFoldersAreResolvedAgainstHome() throws Exception {
        Path config = Files.writeString(home.resolve("vigil.yaml"), "kernel:\n  pluginsDir: extensions\n  dataDir: var/vigil\n");
        try (Kernel kernel = Kernel.builder().homeDirectory(home).configFile(config).port(0).watchConfig(false).build()) {
            kernel.start();
            assertThat(kernel.pluginsDirectory()).isEqualTo(home.resolve("extensions").toAbsolutePath());
            assertThat(kernel.dataDirectory()).isEqualTo(home.resolve("var/vigil").toAbsolutePath());
            assertThat(kernel.dataDirectory().resolve("admin-token")).isRegularFile();
        }
    }

    @Test
    void explicitFoldersWinOverConfiguration() throws Exception {
        Path config = Files.writeString(home.resolve("vigil.yaml"), "kernel:\n  pluginsDir: extensions\n");
        Path explicit = home.resolve("elsewhere");
        try (Kernel kernel = Kernel.builder().homeDirectory(home).configFile(config).pluginsDirectory(explicit).port(0).build()) {
            kernel.start();
            assertThat(kernel.pluginsDirectory()).isEqualTo(explicit.toAbsolutePath());
            assertThat(kernel.dataDirectory()).isEqualTo(home.resolve("data").toAbsolutePath());
        }
    }
}
