package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.plugins.LibraryUserPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each plugin sees its own copy of a library it bundles, whatever version another plugin bundles. */
class IsolationTest {

    @TempDir
    Path dir;

    @Test
    void twoPluginsBundlingDifferentVersionsOfALibraryEachUseTheirOwn() throws Exception {
        Path v1 = compileBanner("1.4.2");
        Path v2 = compileBanner("2.0.0");
        Path a = PluginJar.builder("lib-a", "1.0.0").plugin(LibraryUserPlugin.class).addJarContents(v1).writeTo(dir.resolve("lib-a.jar"));
        Path b = PluginJar.builder("lib-b", "1.0.0").plugin(LibraryUserPlugin.class).addJarContents(v2).writeTo(dir.resolve("lib-b.jar"));

        try (TestKernel kernel = TestKernel.builder().pluginJar(a).pluginJar(b).start()) {
            assertThat(kernel.awaitStatus("/api/v1/lib/lib-a", 200, Duration.ofSeconds(2)).body()).isEqualTo("1.4.2");
            assertThat(kernel.get("/api/v1/lib/lib-b").body()).isEqualTo("2.0.0");
        }
    }

    /** Compiles a version of {@code dev.vigil.testlib.Banner} and packs it as a library JAR. */
    private Path compileBanner(String version) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + version).resolve("dev/vigil/testlib"));
        Path out = Files.createDirectories(dir.resolve("classes-" + version));
        Path file = Files.writeString(src.resolve("Banner.java"),
                "package dev.vigil.testlib;\n"
                        + "public final class Banner {\n"
                        + "  private Banner() {}\n"
                        + "  public static String version() { return \"" + version + "\"; }\n"
                        + "}\n", StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-d", out.toString(), file.toString());
        assertThat(status).as("javac exit status").isZero();
        Path jar = dir.resolve("banner-" + version + ".jar");
        try (var zip = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (Path cls : List.of(out.resolve("dev/vigil/testlib/Banner.class"))) {
                zip.putNextEntry(new java.util.jar.JarEntry(out.relativize(cls).toString()));
                zip.write(Files.readAllBytes(cls));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
