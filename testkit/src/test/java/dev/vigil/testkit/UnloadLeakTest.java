package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.plugins.LeakProbePlugin;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying and undeploying a plugin many times leaves nothing behind: every class loader becomes
 * unreachable and every thread the plugin started is gone.
 */
class UnloadLeakTest {

    private static final int CYCLES = 50;

    @TempDir
    Path dir;

    @Test
    void fiftyDeployUndeployCyclesLeaveNoLoaderAndNoThread() throws Exception {
        Path probe = PluginJar.builder("leak-probe", "1.0.0").plugin(LeakProbePlugin.class).writeTo(dir.resolve("leak-probe.jar"));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).config("leak-probe:\n  word: hi\n").start()) {
            for (int i = 0; i < CYCLES; i++) {
                kernel.deploy(probe);
                kernel.awaitState("leak-probe", PluginState.ACTIVE, Duration.ofSeconds(5));
                assertThat(kernel.get("/api/v1/probe").body()).startsWith("hi ");
                assertThat(kernel.get("/health/ready").statusCode()).isEqualTo(200);
                loaders.add(new WeakReference<>(probeLoader(kernel)));

                kernel.undeploy("leak-probe.jar");
                kernel.awaitAbsent("leak-probe", Duration.ofSeconds(5));
                assertThat(liveThreadsNamed("leak-probe-worker")).as("threads the plugin started, after cycle %d", i).isEmpty();
            }
            assertThat(kernel.get("/api/v1/probe").statusCode()).isEqualTo(404);
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(200);

            Await.until("all " + CYCLES + " plugin class loaders to be collected", Duration.ofSeconds(30), () -> {
                System.gc();
                return loaders.stream().filter(ref -> ref.get() != null).count();
            }, alive -> alive == 0);
        }
    }

    private static ClassLoader probeLoader(TestKernel kernel) {
        Supplier<?> service = kernel.kernel().services().findAll(Supplier.class).stream()
                .filter(s -> s.getClass().getName().equals(LeakProbePlugin.Probe.class.getName()))
                .findFirst()
                .orElseThrow();
        ClassLoader loader = service.getClass().getClassLoader();
        assertThat(loader).as("the probe comes from its own plugin loader").isNotSameAs(UnloadLeakTest.class.getClassLoader());
        return loader;
    }

    private static List<String> liveThreadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name)).map(Thread::getName).toList();
    }
}
