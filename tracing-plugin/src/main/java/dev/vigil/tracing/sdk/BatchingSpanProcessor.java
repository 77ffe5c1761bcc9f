package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues sampled spans as they end and hands them to one exporter in batches, from a thread of its own, as
 * OpenTelemetry's batch span processor does, with every span it loses counted:
 *
 * <ul>
 *   <li>The queue holds at most {@link BatchSettings#maxQueueSize()} spans. A span that ends while it is full is
 *       dropped at once and counted in {@code dropped}: the traced code never waits for the exporter.</li>
 *   <li>A batch is exported as soon as {@link BatchSettings#maxExportBatchSize()} spans wait, or when the oldest has
 *       waited {@link BatchSettings#scheduleDelay()}.</li>
 *   <li>An export that fails, or is not done within {@link BatchSettings#exportTimeout()}, counts its spans in
 *       {@code failed}; one that succeeds counts them in {@code exported}.</li>
 *   <li>{@link #forceFlush()} exports what is queued when it is called; {@link #shutdown()} exports what is left
 *       (for at most the export timeout, then counts the rest as dropped), shuts the exporter down and ends the
 *       thread. Spans ending after that are dropped and counted.</li>
 * </ul>
 *
 * <p>Enqueuing is lock-free and allocates nothing: the spans wait in a {@link SpanQueue}, a bounded ring that a span is
 * added to with one compare-and-set, or found full without writing anything. The scheduling waits use the monotonic
 * {@link System#nanoTime()}: they pace a thread, they do not stamp data. Thread-safe.
 */
final class BatchingSpanProcessor implements SpanProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingSpanProcessor.class);

    private final String name;
    private final SpanExporter exporter;
    private final int maxBatch;
    private final long delayNanos;
    private final long timeoutNanos;
    private final Counter exported;
    private final Counter failed;
    private final Counter dropped;

    private final SpanQueue queue;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final Queue<CompletableResultCode> flushRequests = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private final CompletableResultCode shutdownResult = new CompletableResultCode();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Thread worker;
    private volatile boolean shuttingDown;
    private volatile boolean terminated;

    private BatchingSpanProcessor(String name, SpanExporter exporter, BatchSettings settings, Counter exported, Counter failed,
            Counter dropped) {
        this.name = requireNonNull(name, "name is null");
        this.exporter = requireNonNull(exporter, "exporter is null");
        this.queue = new SpanQueue(settings.maxQueueSize());
        this.maxBatch = settings.maxExportBatchSize();
        this.delayNanos = settings.scheduleDelay().toNanos();
        this.timeoutNanos = settings.exportTimeout().toNanos();
        this.exported = requireNonNull(exported, "exported is null");
        this.failed = requireNonNull(failed, "failed is null");
        this.dropped = requireNonNull(dropped, "dropped is null");
        this.worker = new Thread(this::run, "vigil-span-export-" + name);
        worker.setDaemon(true);
    }

    /**
     * A processor exporting to {@code exporter}, its thread started.
     *
     * @param name names the thread and the log lines, such as {@code otlp}
     * @param exported counts the spans exported
     * @param failed counts the spans of failed or timed-out exports
     * @param dropped counts the spans dropped: queue full, or ended after shutdown
     */
    static BatchingSpanProcessor start(String name, SpanExporter exporter, BatchSettings settings, Counter exported, Counter failed,
            Counter dropped) {
        BatchingSpanProcessor processor = new BatchingSpanProcessor(name, exporter, settings, exported, failed, dropped);
        processor.worker.start();
        return processor;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        // nothing to do when a span starts
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (!span.getSpanContext().isSampled()) {
            return;
        }
        if (shuttingDown) {
            dropped.increment();
            return;
        }
        // a closed queue (the worker has made its last sweep) refuses the span like a full one
        int size = queue.offer(span);
        if (size < 0) {
            dropped.increment();
            return;
        }
        if (size >= maxBatch && !wakeRequested.get() && wakeRequested.compareAndSet(false, true)) {
            LockSupport.unpark(worker);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Exports every span queued now and flushes the exporter; completes when that is done. */
    @Override
    public CompletableResultCode forceFlush() {
        if (terminated) {
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode result = new CompletableResultCode();
        flushRequests.add(result);
        LockSupport.unpark(worker);
        if (terminated && flushRequests.remove(result)) {
            result.succeed();
        }
        return result;
    }

    /** Exports what is left, shuts the exporter down and ends the thread; completes when that is done. */
    @Override
    public CompletableResultCode shutdown() {
        if (shutdownRequested.compareAndSet(false, true)) {
            shuttingDown = true;
            LockSupport.unpark(worker);
        }
        return shutdownResult;
    }

    /** How many spans wait in the queue. */
    int queued() {
        return queue.size();
    }

    private void run() {
        long nextExport = System.nanoTime() + delayNanos;
        try {
            while (!shuttingDown) {
                // only shutdown() stops this thread; a stray interrupt would otherwise make every park return at once
                Thread.interrupted();
                wakeRequested.set(false);
                if (!flushRequests.isEmpty()) {
                    flush();
                    nextExport = System.nanoTime() + delayNanos;
                } else if (queue.size() >= maxBatch) {
                    if (exportBatch(maxBatch, timeoutNanos) == 0) {
                        // the head slot is claimed and its span about to be stored: let its thread run
                        Thread.yield();
                    }
                    nextExport = System.nanoTime() + delayNanos;
                } else {
                    long wait = nextExport - System.nanoTime();
                    if (wait <= 0) {
                        exportBatch(maxBatch, timeoutNanos);
                        nextExport = System.nanoTime() + delayNanos;
                    } else {
                        LockSupport.parkNanos(this, wait);
                    }
                }
            }
            drainForShutdown();
        } finally {
            terminated = true;
            sweepLeftovers();
            completeFlushRequests();
            shutdownResult.succeed();
        }
    }

    /** Exports the spans queued when the flushes waiting were asked for, flushes the exporter, then completes them. */
    private void flush() {
        List<CompletableResultCode> requests = new ArrayList<>();
        CompletableResultCode request;
        while ((request = flushRequests.poll()) != null) {
            requests.add(request);
        }
        int toExport = queue.size();
        while (toExport > 0) {
            int n = exportBatch(Math.min(maxBatch, toExport), timeoutNanos);
            if (n == 0) {
                break;
            }
            toExport -= n;
        }
        exporter.flush().join(timeoutNanos, TimeUnit.NANOSECONDS);
        requests.forEach(CompletableResultCode::succeed);
    }

    private void drainForShutdown() {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || exportBatch(maxBatch, left) == 0) {
                break;
            }
        }
        long left = Math.max(TimeUnit.MILLISECONDS.toNanos(100), deadline - System.nanoTime());
        CompletableResultCode stopped = exporter.shutdown().join(left, TimeUnit.NANOSECONDS);
        if (!stopped.isDone()) {
            LOG.warn("The {} span exporter did not shut down within {} ms", name, TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    /** Exports up to {@code limit} queued spans, waiting at most {@code timeout} nanoseconds; returns how many. */
    private int exportBatch(int limit, long timeout) {
        List<SpanData> batch = new ArrayList<>(Math.min(limit, queue.size()));
        while (batch.size() < limit) {
            ReadableSpan span = queue.poll();
            if (span == null) {
                break;
            }
            batch.add(span.toSpanData());
        }
        if (batch.isEmpty()) {
            return 0;
        }
        CompletableResultCode result;
        try {
            result = exporter.export(Collections.unmodifiableList(batch));
        } catch (RuntimeException e) {
            // an exporter must not throw, but one that does loses this batch, not the thread
            result = CompletableResultCode.ofExceptionalFailure(e);
        }
        result.join(timeout, TimeUnit.NANOSECONDS);
        if (result.isSuccess()) {
            exported.increment(batch.size());
            if (failing.compareAndSet(true, false)) {
                LOG.info("The {} span exporter exports again", name);
            }
        } else {
            failed.increment(batch.size());
            if (failing.compareAndSet(false, true)) {
                String why = !result.isDone() ? "it did not finish within " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms"
                        : result.getFailureThrowable() != null ? String.valueOf(result.getFailureThrowable()) : "it failed";
                LOG.warn("The {} span exporter lost a batch of {} spans ({}); further failures are counted, not logged, until it recovers",
                        name, batch.size(), why);
            }
        }
        return batch.size();
    }

    private void sweepLeftovers() {
        int lost = queue.close();
        if (lost > 0) {
            dropped.increment(lost);
        }
    }

    private void completeFlushRequests() {
        CompletableResultCode request;
        while ((request = flushRequests.poll()) != null) {
            request.succeed();
        }
    }

    @Override
    public String toString() {
        return "BatchingSpanProcessor{" + name + ", " + exporter + "}";
    }
}
