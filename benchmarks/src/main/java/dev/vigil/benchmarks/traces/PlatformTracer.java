package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.trace.Tracer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The platform's side of {@link TracerBenchmark}: the {@link Tracer} the tracing plugin registers in the service
 * registry of a {@link TracingKernel}, exporting with the {@code logging} exporter (see {@link TracerSide}).
 */
@State(Scope.Benchmark)
public class PlatformTracer extends TracerSide {

    private TracingKernel kernel;

    @Override
    String name() {
        return "platform";
    }

    @Override
    Tracer open(TracingKernel running) {
        kernel = running;
        return running.tracer();
    }

    @Override
    void close() {
        // the kernel stops the plugin, which flushes its SDK
    }

    /** The plugin counts a dropped span as it refuses it, on the thread that ended it. */
    @Override
    long dropped() {
        return kernel.spans("dropped");
    }
}
