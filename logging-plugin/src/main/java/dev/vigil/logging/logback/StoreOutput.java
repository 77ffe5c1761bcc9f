package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The log store output: events wait in a bounded queue and a thread of its own turns them into {@link LogRecord}s and
 * hands them to the current {@link LogSink} in batches.
 *
 * <p>When the queue is full, TRACE, DEBUG and INFO events are dropped and counted; WARN and above wait up to
 * {@code maxWait} for room, but only while a sink is there to make room (before the store opens, events queue up to
 * be stored when it does, and none waits). Once a minute (by the clock given), the number dropped and the number
 * the sink failed to take are reported as a WARN line. Events logged by the output's own thread, such as those of
 * the sink, are not stored: storing them would make more.
 *
 * <p>Thread-safe.
 */
final class StoreOutput extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final int MAX_BATCH = 512;
    private static final long REPORT_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long POLL_MILLIS = 200;
    private static final long DRAIN_MILLIS = 5000;

    private final BlockingQueue<RedactedEvent> queue;
    private final long maxWaitNanos;
    private final RecordConverter converter;
    private final Supplier<@Nullable LogSink> sink;
    private final Clock clock;
    private final Consumer<String> reporter;
    private final AtomicLong dropped;
    private final AtomicLong failed;
    private final Thread worker;
    private final Object idle = new Object();
    private volatile boolean stopping;
    // read and written by the worker alone
    private long lastReportMillis;
    private long droppedReported;
    private long failedReported;
    private @Nullable String lastFailure;

    /**
     * @param sink where records go, looked up for every batch; null while there is no store
     * @param reporter logs the once-a-minute WARN line, called on the output's thread
     * @param dropped counts dropped events, shared with the outputs that came before
     * @param failed counts records the sink refused, likewise
     */
    StoreOutput(StoreOutputSettings settings, RecordConverter converter, Supplier<@Nullable LogSink> sink, Clock clock,
            Consumer<String> reporter, AtomicLong dropped, AtomicLong failed) {
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.converter = requireNonNull(converter, "converter is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.dropped = requireNonNull(dropped, "dropped is null");
        this.failed = requireNonNull(failed, "failed is null");
        this.droppedReported = dropped.get();
        this.failedReported = failed.get();
        this.worker = new Thread(this::run, "vigil-log-store-output");
        worker.setDaemon(true);
        setName("store");
    }

    @Override
    public void start() {
        lastReportMillis = clock.millis();
        worker.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!(event instanceof RedactedEvent redacted) || Thread.currentThread() == worker) {
            return;
        }
        if (queue.offer(redacted)) {
            return;
        }
        if (event.getLevel().isGreaterOrEqual(Level.WARN) && maxWaitNanos > 0 && !stopping && sink.get() != null) {
            try {
                if (queue.offer(redacted, maxWaitNanos, TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropped.incrementAndGet();
    }

    /** How many events wait for the store. */
    int queued() {
        return queue.size();
    }

    /**
     * Stops taking events and gives the sink, for up to 5 seconds, what is queued; what is left is dropped and
     * counted.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        synchronized (idle) {
            idle.notifyAll();
        }
        try {
            worker.join(DRAIN_MILLIS + 1000);
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<RedactedEvent> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!stopping) {
                report(false);
                if (batch.isEmpty()) {
                    if (sink.get() == null) {
                        idle();
                        continue;
                    }
                    RedactedEvent first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                // read after taking the events: an event logged after the sink was replaced goes to the new one
                LogSink s = sink.get();
                if (s == null) {
                    idle();
                    continue;
                }
                deliver(s, batch);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
            LogSink s = sink.get();
            while (s != null && (!batch.isEmpty() || !queue.isEmpty()) && System.nanoTime() < deadline) {
                queue.drainTo(batch, MAX_BATCH - batch.size());
                deliver(s, batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dropped.addAndGet(queue.size() + batch.size());
            queue.clear();
            report(true);
        }
    }

    private void idle() throws InterruptedException {
        synchronized (idle) {
            if (!stopping) {
                idle.wait(POLL_MILLIS);
            }
        }
    }

    private void deliver(LogSink s, List<RedactedEvent> batch) {
        List<LogRecord> records = new ArrayList<>(batch.size());
        for (RedactedEvent e : batch) {
            records.add(converter.convert(e));
        }
        batch.clear();
        try {
            s.accept(records);
        } catch (RuntimeException e) {
            // the sink stores all of a batch or none: these are lost, which the next report says
            failed.addAndGet(records.size());
            lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private void report(boolean now) {
        long millis = clock.millis();
        if (!now && millis - lastReportMillis < REPORT_INTERVAL_MILLIS) {
            return;
        }
        lastReportMillis = millis;
        long d = dropped.get() - droppedReported;
        long f = failed.get() - failedReported;
        droppedReported += d;
        failedReported += f;
        if (d > 0) {
            reporter.accept("the log store output dropped " + d + " events because its queue of "
                    + (queue.size() + queue.remainingCapacity()) + " was full");
        }
        if (f > 0) {
            reporter.accept("the log store refused " + f + " records: " + lastFailure);
        }
    }
}
