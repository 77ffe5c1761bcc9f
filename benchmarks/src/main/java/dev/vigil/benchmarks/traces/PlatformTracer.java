package dev.vigil.benchmarks.traces;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.benchmarks.BenchmarkEnvironment;
import dev.vigil.benchmarks.Folders;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.lifecycle.PluginStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The platform's side of {@link TracerBenchmark}: a kernel in this JVM, not serving HTTP, that deploys the tracing
 * plugin's JAR from {@code benchmarks/target/plugins} with the {@code always_on} sampler, the default batching (a queue
 * of 2,048 spans, batches of 512, 5 s delay) and the {@code logging} exporter (see {@link TracerSide}). The tracer is
 * the {@link Tracer} the plugin registers in the service registry. The host registers a {@link MeterRegistry} before
 * the kernel starts, so that the plugin counts its exported and dropped spans where the tear-down can read them.
 */
@State(Scope.Benchmark)
public class PlatformTracer extends TracerSide {

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
    private Path home;
    private Kernel kernel;
    private Tracer tracer;
    private Span parentSpan;
    private Context parent;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        home = Files.createTempDirectory("vigil-tracer-benchmark-");
        kernel = onOwnThread("platform-setup", this::startKernel);
        tracer = kernel.services().find(Tracer.class).orElseThrow(() -> new IllegalStateException("the tracing plugin registered no Tracer"));
        parentSpan = onOwnThread("platform-parent", () -> parentSpan(tracer));
        parent = Context.root().with(parentSpan);
    }

    private Kernel startKernel() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path jar = BenchmarkEnvironment.tracingJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Path config = Files.writeString(home.resolve("vigil.yaml"), CONFIG);
        Kernel started = Kernel.builder().configFile(config).pluginsDirectory(plugins).dataDirectory(home.resolve("data"))
                .serve(false).watchConfig(false).watchPlugins(false).build();
        started.services().register(MeterRegistry.class, meters);
        started.start();
        PluginStatus status = started.plugin("tracing").orElseThrow(() -> new IllegalStateException("no tracing plugin: " + started.plugins()));
        if (status.state() != PluginState.ACTIVE) {
            started.close();
            throw new IllegalStateException("the tracing plugin is " + status.state() + ": " + status.error());
        }
        return started;
    }

    @TearDown(Level.Iteration)
    public void report() throws InterruptedException {
        report("platform");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        parentSpan.end();
        kernel.close();
        Folders.deleteTree(home);
    }

    /** The plugin's flush is not published: waits (up to 30 s) until its meters account for every span ended. */
    @Override
    long settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("exported") + count("dropped") < ended && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return count("exported");
    }

    private long count(String outcome) {
        Counter counter = meters.find(SPANS_METER).tag("outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    @Override
    Tracer tracer() {
        return tracer;
    }

    @Override
    Context parent() {
        return parent;
    }
}
