package dev.vigil.kernel.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryHeader() throws Exception {
        Path jar = jar(Map.of(
                "Vigil-Plugin-Id", "alerting",
                "Vigil-Plugin-Version", "1.2.0",
                "Vigil-Plugin-Api", "0.1.0",
                "Vigil-Plugin-Requires", "metrics@[1.0,2.0), logging",
                "Vigil-Plugin-Exports", "dev.example.alerting.api, dev.example.alerting.spi",
                "Vigil-Plugin-Name", "Alerting"), true);

        PluginDescriptor d = DescriptorReader.read(jar);

        assertThat(d.id()).isEqualTo("alerting");
        assertThat(d.version()).isEqualTo(Version.parse("1.2.0"));
        assertThat(d.api()).isEqualTo("0.1.0");
        assertThat(d.requires()).extracting(Requirement::toString).containsExactly("metrics@[1.0,2.0)", "logging");
        assertThat(d.exports()).containsExactly("dev.example.alerting.api", "dev.example.alerting.spi");
        assertThat(d.name()).isEqualTo("Alerting");
    }

    @Test
    void refusesACorruptJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("corrupt.jar"), "this is not a zip file");

        assertThatThrownBy(() -> DescriptorReader.read(jar))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith("is not a readable JAR: ");
    }

    @Test
    void refusesAJarWithoutPluginService() throws IOException {
        Path jar = jar(Map.of("Vigil-Plugin-Id", "x", "Vigil-Plugin-Version", "1", "Vigil-Plugin-Api", "0.1"), false);

        assertThatThrownBy(() -> DescriptorReader.read(jar))
                .hasMessage("declares no Plugin service (META-INF/services/dev.vigil.api.plugin.Plugin is missing)");
    }

    @Test
    void refusesMissingAndMalformedHeaders() throws IOException {
        assertThatThrownBy(() -> DescriptorReader.read(jar(Map.of("Vigil-Plugin-Version", "1", "Vigil-Plugin-Api", "0.1"), true)))
                .hasMessage("has no Vigil-Plugin-Id header in its manifest");
        assertThatThrownBy(() -> DescriptorReader.read(jar(Map.of("Vigil-Plugin-Id", "Bad_Id", "Vigil-Plugin-Version", "1", "Vigil-Plugin-Api", "0.1"), true)))
                .hasMessage("has a bad plugin manifest: 'Bad_Id' is not a plugin id (lower case letters, digits and dashes, starting with a letter)");
        assertThatThrownBy(() -> DescriptorReader.read(jar(Map.of("Vigil-Plugin-Id", "kernel", "Vigil-Plugin-Version", "1", "Vigil-Plugin-Api", "0.1"), true)))
                .hasMessage("has a bad plugin manifest: 'kernel' is reserved for the kernel");
        assertThatThrownBy(() -> DescriptorReader.read(jar(Map.of("Vigil-Plugin-Id", "x", "Vigil-Plugin-Version", "1",
                "Vigil-Plugin-Api", "0.1", "Vigil-Plugin-Requires", "y@[2,1]"), true)))
                .hasMessage("has a bad plugin manifest: '[2,1]' is empty: its lower bound is above its upper bound");
    }

    private Path jar(Map<String, String> headers, boolean withService) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path jar = Files.createTempFile(dir, "plugin", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            if (withService) {
                zip.putNextEntry(new JarEntry(DescriptorReader.SERVICE_FILE));
                zip.write("example.Plugin\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void splitsRequirementsOutsideBrackets() throws Exception {
        Path jar = jar(Map.of("Vigil-Plugin-Id", "x", "Vigil-Plugin-Version", "1", "Vigil-Plugin-Api", "0.1",
                "Vigil-Plugin-Requires", "a@[1,2), b@(1,3], c"), true);
        assertThat(DescriptorReader.read(jar).requiredIds()).isEqualTo(List.of("a", "b", "c"));
    }
}
