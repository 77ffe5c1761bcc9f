package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.lifecycle.PluginStatus;
import dev.vigil.testkit.plugins.ThrowingPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropping, replacing and deleting plugin JARs in a running platform's plugins folder. */
class HotDeployTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void droppedJarServesAndDeletedJarDisappears() throws Exception {
        try (TestKernel kernel = TestKernel.builder().start()) {
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(404);

            kernel.deploy(Examples.hello(), "hello.jar");

            assertThat(kernel.awaitStatus("/api/v1/hello", 200, WITHIN).body()).contains("\"message\":\"Hello, world!\"");
            assertThat(kernel.status("hello")).get().extracting(PluginStatus::state).isEqualTo(PluginState.ACTIVE);

            kernel.undeploy("hello.jar");

            kernel.awaitStatus("/api/v1/hello", 404, WITHIN);
            kernel.awaitAbsent("hello", WITHIN);
            assertThat(kernel.get("/api/v1/plugins").body()).doesNotContain("\"hello\"");
        }
    }

    @Test
    void newerVersionReplacesTheRunningOneAndRestartsItsDependents() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).pluginJar(Examples.helloConsumer()).start()) {
            kernel.awaitStatus("/api/v1/hello-consumer", 200, WITHIN);
            PluginStatus consumerBefore = kernel.awaitState("hello-consumer", PluginState.ACTIVE, WITHIN);
            kernel.clock().advance(Duration.ofMinutes(1));

            Path newer = PluginJar.rewrite(Examples.hello(), Map.of("Vigil-Plugin-Version", "0.2.0"), dir.resolve("hello-0.2.0.jar"));
            kernel.deploy(newer, "vigil-hello-plugin.jar");

            String body = Await.until("hello 0.2.0 to serve", WITHIN, () -> kernel.get("/api/v1/hello").body(), b -> b.contains("0.2.0"));
            assertThat(body).contains("\"version\":\"0.2.0\"");
            PluginStatus consumerAfter = kernel.awaitState("hello-consumer", PluginState.ACTIVE, WITHIN);
            assertThat(consumerAfter.since()).as("hello-consumer was restarted").isAfter(consumerBefore.since());
            assertThat(kernel.get("/api/v1/hello-consumer").body()).contains("Hello, consumer!");
        }
    }

    @Test
    void replacementWhoseStartThrowsIsRolledBack() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).pluginJar(Examples.helloConsumer()).start()) {
            kernel.awaitStatus("/api/v1/hello", 200, WITHIN);

            Path broken = PluginJar.builder("hello", "0.3.0").plugin(ThrowingPlugin.class).writeTo(dir.resolve("broken-hello.jar"));
            kernel.deploy(broken, "vigil-hello-plugin.jar");

            PluginStatus hello = Await.until("the rollback to be reported", WITHIN, () -> kernel.status("hello").orElseThrow(),
                    s -> s.error() != null && s.error().contains("rolled back"));
            assertThat(hello.state()).isEqualTo(PluginState.ACTIVE);
            assertThat(hello.version()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(hello.error()).isEqualTo("replacement 0.3.0 from vigil-hello-plugin.jar failed and was rolled back: "
                    + "start threw IllegalStateException: boom: the database is unreachable");
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(200);
            assertThat(kernel.get("/api/v1/hello/half-started").statusCode()).isEqualTo(404);
            kernel.awaitStatus("/api/v1/hello-consumer", 200, WITHIN);
            assertThat(kernel.get("/api/v1/plugins").body()).contains("rolled back");
        }
    }

    @Test
    void consumerDeployedBeforeItsDependencyStartsWhenTheDependencyArrives() throws Exception {
        try (TestKernel kernel = TestKernel.builder().start()) {
            kernel.deploy(Examples.helloConsumer());
            PluginStatus waiting = kernel.awaitState("hello-consumer", PluginState.FAILED, WITHIN);
            assertThat(waiting.error()).isEqualTo("requires 'hello', which is not installed");

            kernel.deploy(Examples.hello());

            kernel.awaitState("hello-consumer", PluginState.ACTIVE, WITHIN);
            assertThat(kernel.get("/api/v1/hello-consumer").body()).contains("Hello, consumer!");

            kernel.undeploy(Examples.hello().getFileName().toString());

            PluginStatus orphan = kernel.awaitState("hello-consumer", PluginState.FAILED, WITHIN);
            assertThat(orphan.error()).isEqualTo("requires 'hello', which is not installed");
            assertThat(kernel.get("/api/v1/hello-consumer").statusCode()).isEqualTo(404);
        }
    }
}
