package dev.vigil.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dataDir;

    @Test
    void configuredValueWinsOverEnvironmentAndFile() throws IOException {
        Files.writeString(dataDir.resolve("admin-token"), "from-file");

        AdminToken token = AdminToken.resolve(" from-config ", Map.of("VIGIL_ADMIN_TOKEN", "from-env"), dataDir);

        assertThat(token.value()).isEqualTo("from-config");
        assertThat(token.source()).isEqualTo("config");
    }

    @Test
    void environmentWinsOverFileWhenNothingIsConfigured() throws IOException {
        Files.writeString(dataDir.resolve("admin-token"), "from-file");

        AdminToken token = AdminToken.resolve("  ", Map.of("VIGIL_ADMIN_TOKEN", "from-env"), dataDir);

        assertThat(token.value()).isEqualTo("from-env");
        assertThat(token.source()).isEqualTo("environment VIGIL_ADMIN_TOKEN");
    }

    @Test
    void blankEnvironmentValueIsIgnored() throws IOException {
        Files.writeString(dataDir.resolve("admin-token"), "from-file\n");

        AdminToken token = AdminToken.resolve(null, Map.of("VIGIL_ADMIN_TOKEN", " "), dataDir);

        assertThat(token.value()).isEqualTo("from-file");
        assertThat(token.source()).isEqualTo(dataDir.resolve("admin-token").toAbsolutePath().toString());
    }

    @Test
    void generatesAnOwnerOnlyTokenFileInANewDataFolderAndReusesIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path nested = dataDir.resolve("data/vigil");

        AdminToken generated = AdminToken.resolve(null, NO_ENV, nested);
        AdminToken reused = AdminToken.resolve(null, NO_ENV, nested);

        Path file = nested.resolve("admin-token");
        assertThat(generated.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(generated.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(generated.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(reused.value()).isEqualTo(generated.value());
        try (var files = Files.list(nested)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void generatedTokensDiffer() throws IOException {
        AdminToken first = AdminToken.resolve(null, NO_ENV, dataDir.resolve("one"));
        AdminToken second = AdminToken.resolve(null, NO_ENV, dataDir.resolve("two"));

        assertThat(first.value()).isNotEqualTo(second.value());
    }

    @Test
    void refusesAnEmptyTokenFile() throws IOException {
        Files.writeString(dataDir.resolve("admin-token"), "\n");

        assertThatThrownBy(() -> AdminToken.resolve(null, NO_ENV, dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void matchesOnlyTheBearerCredential() {
        AdminToken token = AdminToken.of("s3cret");

        assertThat(token.matches("Bearer s3cret")).isTrue();
        assertThat(token.matches("bearer  s3cret ")).isTrue();
        assertThat(token.matches("Bearer s3cre")).isFalse();
        assertThat(token.matches("Bearer s3cret2")).isFalse();
        assertThat(token.matches("s3cret")).isFalse();
        assertThat(token.matches("Basic s3cret")).isFalse();
        assertThat(token.matches("Bearer ")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void neverShowsTheTokenInToString() throws IOException {
        AdminToken configured = AdminToken.resolve("very-secret-value", NO_ENV, dataDir);
        AdminToken generated = AdminToken.resolve(null, NO_ENV, dataDir);

        assertThat(configured.toString()).doesNotContain("very-secret-value").contains("config");
        assertThat(generated.toString()).doesNotContain(generated.value());
        assertThat(generated.source()).doesNotContain(generated.value());
    }

    @Test
    void refusesABlankToken() {
        assertThatThrownBy(() -> AdminToken.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
