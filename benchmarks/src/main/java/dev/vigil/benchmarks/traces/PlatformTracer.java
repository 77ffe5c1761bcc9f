package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The platform's side of {@link TracerBenchmark}: the {@link Tracer} the tracing plugin registers in the service
 * registry of a {@link TracingKernel}, exporting with the {@code logging} exporter (see {@link TracerSide}).
 */
@State(Scope.Benchmark)
public class PlatformTracer extends TracerSide {

    private TracingKernel kernel;
    private Tracer tracer;
    private Span parentSpan;
    private Context parent;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        onOwnThread("platform-setup", () -> {
            kernel = TracingKernel.start();
            tracer = kernel.tracer();
            parentSpan = parentSpan(tracer);
            parent = Context.root().with(parentSpan);
            return null;
        });
    }

    @TearDown(Level.Iteration)
    public void report() throws Exception {
        report("platform");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onOwnThread("platform-teardown", () -> {
            parentSpan.end();
            kernel.close();
            return null;
        });
    }

    /** The plugin counts a dropped span as it refuses it, on the thread that ended it. */
    @Override
    long dropped() {
        return kernel.spans("dropped");
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
