package dev.vigil.benchmarks.traces;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.benchmarks.BenchmarkEnvironment;
import dev.vigil.benchmarks.Folders;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.lifecycle.PluginStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kernel in this JVM, not serving HTTP, that deploys the tracing plugin's JAR from {@code benchmarks/target/plugins}
 * with the {@code always_on} sampler, the default batching (a queue of 2,048 spans, batches of 512, 5 s delay) and the
 * {@code logging} exporter, in a temporary folder that {@link #close()} removes. The host registers a
 * {@link MeterRegistry} before the kernel starts, so that the plugin counts its exported and dropped spans where
 * {@link #spans} reads them.
 */
final class TracingKernel implements AutoCloseable {

    private static final String SPANS_METER = "vigil.tracing.sdk.spans";
    private static final String CONFIG = """
            tracing:
              sdk:
                sampler:
                  type: always_on
                exporters:
                  - type: logging
            """;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Path home;
    private final Kernel kernel;

    private TracingKernel(Path home, Kernel kernel) {
        this.home = home;
        this.kernel = kernel;
    }

    /** Starts the kernel and waits until the tracing plugin is active. */
    static TracingKernel start() throws Exception {
        Path home = Files.createTempDirectory("vigil-tracer-benchmark-");
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path jar = BenchmarkEnvironment.tracingJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Path config = Files.writeString(home.resolve("vigil.yaml"), CONFIG);
        Kernel kernel = Kernel.builder().configFile(config).pluginsDirectory(plugins).dataDirectory(home.resolve("data"))
                .serve(false).watchConfig(false).watchPlugins(false).build();
        TracingKernel started = new TracingKernel(home, kernel);
        kernel.services().register(MeterRegistry.class, started.meters);
        try {
            kernel.start();
            PluginStatus status = kernel.plugin("tracing").orElseThrow(() -> new IllegalStateException("no tracing plugin: " + kernel.plugins()));
            if (status.state() != PluginState.ACTIVE) {
                throw new IllegalStateException("the tracing plugin is " + status.state() + ": " + status.error());
            }
        } catch (Exception | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The {@link Tracer} the tracing plugin registered. */
    Tracer tracer() {
        return kernel.services().find(Tracer.class).orElseThrow(() -> new IllegalStateException("the tracing plugin registered no Tracer"));
    }

    /** How many of the platform's spans had {@code outcome} ({@code exported}, {@code dropped}, {@code failed}) so far. */
    long spans(String outcome) {
        Counter counter = meters.find(SPANS_METER).tag("outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** Stops the kernel and removes its folder. */
    @Override
    public void close() {
        kernel.close();
        try {
            Folders.deleteTree(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + home, e);
        }
    }
}
