package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.plugins.HangingPlugin;
import dev.vigil.testkit.plugins.LibraryUserPlugin;
import dev.vigil.testkit.plugins.ThrowingPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every kind of bad plugin is refused or FAILED with a one-line reason in the plugin list and the log, by
 * file name where no id can be read, while the platform stays ready and the good plugins keep serving.
 */
class BadPluginsTest {

    @TempDir
    Path dir;

    @Test
    void eachBadPluginIsReportedAndTheRestKeepsServing() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});
        PluginJar.builder("no-service", "1.0.0").addClass(LibraryUserPlugin.class).writeTo(plugins.resolve("no-service.jar"));
        PluginJar.builder("needs-missing", "1.0.0").plugin(LibraryUserPlugin.class).requires("metrics@[1.0,2.0)")
                .writeTo(plugins.resolve("needs-missing.jar"));
        PluginJar.builder("cycle-a", "1.0.0").plugin(LibraryUserPlugin.class).requires("cycle-b").writeTo(plugins.resolve("cycle-a.jar"));
        PluginJar.builder("cycle-b", "1.0.0").plugin(LibraryUserPlugin.class).requires("cycle-a").writeTo(plugins.resolve("cycle-b.jar"));
        PluginJar.rewrite(Examples.hello(), Map.of(), plugins.resolve("zz-hello-copy.jar"));
        PluginJar.builder("future-api", "1.0.0").plugin(LibraryUserPlugin.class).api("99.0").writeTo(plugins.resolve("future-api.jar"));
        PluginJar.builder("throws", "1.0.0").plugin(ThrowingPlugin.class).writeTo(plugins.resolve("throws.jar"));
        PluginJar.builder("hangs", "1.0.0").plugin(HangingPlugin.class).writeTo(plugins.resolve("hangs.jar"));

        TestKernel.Builder builder = TestKernel.builder()
                .config("kernel:\n  startTimeout: 1s\n  watch:\n    pollInterval: 50ms\n    quietPeriod: 100ms\n")
                .pluginJar(Examples.hello());
        try (Stream jars = new Stream(plugins)) {
            jars.forEach(builder::pluginJar);
        }
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (TestKernel kernel = builder.start()) {
            Map<String, JsonNode> byFile = pluginsByFile(kernel);
            List<String> warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage).toList();
            byFile.forEach((file, plugin) -> {
                if (!file.equals("vigil-hello-plugin.jar")) {
                    String reason = plugin.get("error").asText();
                    assertThat(warnings).as("the log names %s and its reason", file)
                            .anyMatch(w -> w.contains(reason) && (w.contains(file) || w.contains(plugin.get("id").asText())));
                }
            });

            assertThat(error(byFile, "corrupt.jar")).startsWith("is not a readable JAR: ");
            assertThat(byFile.get("corrupt.jar").get("id").isNull()).isTrue();
            assertThat(error(byFile, "no-service.jar"))
                    .isEqualTo("declares no Plugin service (META-INF/services/dev.vigil.api.plugin.Plugin is missing)");
            assertThat(error(byFile, "needs-missing.jar")).isEqualTo("requires 'metrics', which is not installed");
            assertThat(error(byFile, "cycle-a.jar")).isEqualTo("is in a dependency cycle: cycle-a -> cycle-b -> cycle-a");
            assertThat(error(byFile, "cycle-b.jar")).isEqualTo("is in a dependency cycle: cycle-a -> cycle-b -> cycle-a");
            assertThat(error(byFile, "zz-hello-copy.jar"))
                    .isEqualTo("duplicate plugin id 'hello': already installed from vigil-hello-plugin.jar");
            assertThat(error(byFile, "future-api.jar")).startsWith("was built for core API 99.0, which is not compatible with this platform's ");
            assertThat(error(byFile, "throws.jar")).isEqualTo("start threw IllegalStateException: boom: the database is unreachable");
            assertThat(error(byFile, "hangs.jar")).isEqualTo("start did not finish within 1 s");
            byFile.forEach((file, plugin) -> {
                if (!file.equals("vigil-hello-plugin.jar")) {
                    assertThat(plugin.get("state").asText()).as(file).isEqualTo("FAILED");
                    assertThat(plugin.get("error").asText()).as(file).doesNotContain("\n");
                }
            });

            assertThat(kernel.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(200);
            assertThat(kernel.status("hello")).get().extracting(s -> s.state()).isEqualTo(PluginState.ACTIVE);
            assertThat(kernel.get("/api/v1/throws/half-started").statusCode()).as("a failed start leaves no route").isEqualTo(404);
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aFailedPluginStartsOnceItsJarIsFixed() throws Exception {
        Path bad = PluginJar.builder("fixable", "1.0.0").plugin(ThrowingPlugin.class).writeTo(dir.resolve("fixable.jar"));
        try (TestKernel kernel = TestKernel.builder().pluginJar(bad).start()) {
            kernel.awaitState("fixable", PluginState.FAILED, Duration.ofSeconds(2));

            Path good = PluginJar.builder("fixable", "1.0.1").plugin(LibraryUserPlugin.class)
                    .addClass(dev.vigil.testlib.Banner.class).writeTo(dir.resolve("fixed.jar"));
            kernel.deploy(good, "fixable.jar");

            kernel.awaitState("fixable", PluginState.ACTIVE, Duration.ofSeconds(2));
            assertThat(kernel.get("/api/v1/lib/fixable").statusCode()).isEqualTo(200);
        }
    }

    private static Map<String, JsonNode> pluginsByFile(TestKernel kernel) throws Exception {
        JsonNode body = new ObjectMapper().readTree(kernel.get("/api/v1/plugins").body());
        Map<String, JsonNode> byFile = new HashMap<>();
        body.get("plugins").forEach(p -> byFile.put(p.get("file").asText(), p));
        return byFile;
    }

    private static String error(Map<String, JsonNode> byFile, String file) {
        assertThat(byFile).containsKey(file);
        return byFile.get(file).get("error").asText();
    }

    /** The JARs in a folder, closed after use. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path folder) throws java.io.IOException {
            this.files = Files.list(folder).sorted();
        }

        void forEach(java.util.function.Consumer<Path> action) {
            files.forEach(action);
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
