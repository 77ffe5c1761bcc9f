package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.plugins.ContextLoaderProbePlugin;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call into a plugin runs with the plugin's own class loader as the thread context class loader. */
class ContextClassLoaderTest {

    @TempDir
    Path dir;

    @Test
    void startRoutesHealthScheduledTasksAndListenersRunWithThePluginLoader() throws Exception {
        Path jar = PluginJar.builder("context-probe", "1.0.0").plugin(ContextLoaderProbePlugin.class).writeTo(dir.resolve("probe.jar"));
        try (TestKernel kernel = TestKernel.builder().pluginJar(jar).start()) {
            kernel.get("/health/ready");
            kernel.kernel().services().register(CharSequence.class, "a service the probe tracks");

            JsonNode seen = Await.until("every kind of call to be recorded", Duration.ofSeconds(5),
                    () -> readJson(kernel.get("/api/v1/context-loader").body()),
                    node -> node.size() == 5);

            assertThat(seen.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactlyInAnyOrder("start", "route", "health", "scheduled", "listener");
            seen.properties().forEach(e -> assertThat(e.getValue().asBoolean()).as(e.getKey()).isTrue());
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
