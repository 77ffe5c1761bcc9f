package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One side of {@link TracerBenchmark}: a tracer, a started span whose context the child spans go under, and the count
 * of spans the benchmark thread ended, which the iteration's tear-down prints beside the count of those the processor
 * dropped.
 *
 * <p>Both sides run in a JVM where the same {@link TracingKernel} runs, the platform's side using its tracer and the
 * bare side leaving it idle, so that they are measured in the same state: the same threads and heap, and the same
 * classes and thread-locals created before the tracer. (A thread-local's slot in a thread's table follows from how many
 * were created before it; without the kernel on both sides, the current context's thread-local lands elsewhere in one
 * side's benchmark thread than in the other's, and one side pays for collisions the other does not.) Set-up, reports
 * and tear-down run on threads of their own, so that the benchmark thread's thread-locals are only those the spans use.
 *
 * <p>Both sides export with OpenTelemetry's {@code LoggingSpanExporter} with its {@code java.util.logging} logger
 * switched off: every exported span is still formatted as a log line, then not written. Of the exporters the platform
 * offers it is the cheapest that needs neither a network peer nor a disk, and the bare side uses the same class, so
 * that both export threads do the same work and compete for the same share of the machine.
 */
abstract class TracerSide {

    /** The loggers switched off: the exporter's lines, and the bare processor's line each time it drops spans. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter"),
            Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor"));

    static {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.OFF));
    }

    /** Spans ended by the benchmark thread. */
    long ended;
    private long endedBefore;
    private long droppedBefore;
    private TracingKernel kernel;
    private Tracer tracer;
    private Span parentSpan;
    private Context parent;

    /** The side's name in reports. */
    abstract String name();

    /** Builds the side's tracer, {@code kernel} running. */
    abstract Tracer open(TracingKernel kernel);

    /** Flushes and closes what {@link #open} built, if anything. */
    abstract void close();

    /** How many spans the processor dropped so far because its queue was full. */
    abstract long dropped();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        onOwnThread(name() + "-setup", () -> {
            kernel = TracingKernel.start();
            tracer = open(kernel);
            parentSpan = tracer.spanBuilder("GET /api/orders").startSpan();
            parent = Context.root().with(parentSpan);
            return null;
        });
    }

    /** Prints how many spans the last iteration ended and how many of them the processor dropped. */
    @TearDown(Level.Iteration)
    public void report() throws Exception {
        long dropped = onOwnThread(name() + "-report", this::dropped);
        long endedNow = ended - endedBefore;
        long droppedNow = dropped - droppedBefore;
        System.out.printf(Locale.ROOT, "%n  %s: %,d spans ended, %,d dropped (%.1f %%)%n", name(), endedNow, droppedNow,
                endedNow == 0 ? 0.0 : 100.0 * droppedNow / endedNow);
        endedBefore = ended;
        droppedBefore = dropped;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onOwnThread(name() + "-teardown", () -> {
            parentSpan.end();
            close();
            kernel.close();
            return null;
        });
    }

    /** The tracer measured. */
    final Tracer tracer() {
        return tracer;
    }

    /** A context holding a started, sampled span of {@link #tracer()}. */
    final Context parent() {
        return parent;
    }

    private static <T> T onOwnThread(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
