package dev.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondOwnerIsRefusedUntilTheFirstReleasesIt() throws Exception {
        try (DirectoryLock first = DirectoryLock.acquire(dir, "metric store")) {
            assertThat(dir.resolve("lock")).exists();
            assertThatThrownBy(() -> DirectoryLock.acquire(dir, "metric store")).isInstanceOf(IOException.class)
                    .hasMessage("the metric store folder " + dir + " is already in use by another metric store (in this "
                            + "process or another); each store needs a folder of its own");
        }
        DirectoryLock.acquire(dir, "metric store").close();
    }

    @Test
    void aFolderThatDoesNotExistCannotBeLocked() {
        assertThatThrownBy(() -> DirectoryLock.acquire(dir.resolve("missing"), "log store"))
                .isInstanceOf(IOException.class);
    }
}
