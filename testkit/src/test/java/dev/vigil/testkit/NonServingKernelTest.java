package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel built not to serve starts its plugins and publishes their services but listens on no port. */
class NonServingKernelTest {

    @TempDir
    Path home;

    @Test
    void pluginsRunAndPublishServicesWithoutAnyListener() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Plugin publisher = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.services().register(CharSequence.class, "published");
            }
        };
        Path config = Files.writeString(home.resolve("vigil.yaml"), "kernel:\n  http:\n    port: " + port + "\n");
        try (Kernel kernel = Kernel.builder().homeDirectory(home).configFile(config).serve(false)
                .watchConfig(false).watchPlugins(false).plugin("publisher", "1.0.0", () -> publisher).build()) {
            kernel.start();
            assertThat(kernel.plugin("publisher").orElseThrow().state()).isEqualTo(PluginState.ACTIVE);
            assertThat(kernel.services().find(CharSequence.class)).contains("published");
            assertThat(kernel.otlpUri()).isEmpty();
            assertThatThrownBy(kernel::httpUri).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the kernel does not serve HTTP");
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void onlyTheListedPluginsAreDeployedFromTheFolder() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(Examples.hello(), plugins.resolve("hello.jar"));
        Files.copy(Examples.helloConsumer(), plugins.resolve("hello-consumer.jar"));
        try (Kernel kernel = Kernel.builder().homeDirectory(home).serve(false).watchPlugins(false).onlyPlugins("hello").build()) {
            kernel.start();
            assertThat(kernel.plugins()).extracting(p -> p.id()).containsExactly("hello");
        }
    }
}
