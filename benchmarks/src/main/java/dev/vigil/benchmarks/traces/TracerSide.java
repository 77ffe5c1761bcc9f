package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One side of {@link TracerBenchmark}: a tracer, a started span whose context the child spans go under, and the count
 * of spans the benchmark thread ended, which the iteration's tear-down prints beside the count of those the processor
 * dropped.
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
        QUIET.forEach(logger -> logger.setLevel(Level.OFF));
    }

    /** Spans ended by the benchmark thread. */
    long ended;
    private long endedBefore;
    private long droppedBefore;

    /** The tracer measured. */
    abstract Tracer tracer();

    /** A context holding a started, sampled span of {@link #tracer()}. */
    abstract Context parent();

    /** How many spans the processor dropped so far because its queue was full. */
    abstract long dropped() throws InterruptedException;

    /** Prints how many spans the last iteration ended and dropped; off the benchmark thread, as the set-up. */
    final void report(String side) throws Exception {
        long dropped = onOwnThread(side + "-report", this::dropped);
        long endedNow = ended - endedBefore;
        long droppedNow = dropped - droppedBefore;
        System.out.printf(Locale.ROOT, "%n  %s: %,d spans ended, %,d dropped (%.1f %%)%n", side, endedNow, droppedNow,
                endedNow == 0 ? 0.0 : 100.0 * droppedNow / endedNow);
        endedBefore = ended;
        droppedBefore = dropped;
    }

    /** A started span of {@code tracer} for the child spans to go under. */
    static Span parentSpan(Tracer tracer) {
        return tracer.spanBuilder("GET /api/orders").startSpan();
    }

    /**
     * Runs a side's set-up (and tear-downs) on a thread of its own: what they leave in thread-locals (a kernel's start
     * leaves many) must not crowd the benchmark thread's, where the SDK keeps its id buffer and the current context.
     */
    static <T> T onOwnThread(String name, Callable<T> setUp) throws Exception {
        FutureTask<T> task = new FutureTask<>(setUp);
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
