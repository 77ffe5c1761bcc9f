package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.net.HttpClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends samples to a Prometheus remote write 1.0 endpoint. {@link #offer} puts a sample in a bounded
 * in-memory queue and never blocks; one daemon thread, {@code vigil-remote-write-<name>}, sends the queue in
 * batches of up to {@link RemoteWriteSettings#maxSamplesPerSend()} samples, or whatever has arrived when the
 * oldest waiting sample has waited {@link RemoteWriteSettings#batchSendDeadline()}. Batches that fail with
 * 5xx, 429 or an I/O error are retried, with exponential backoff, until they succeed; a batch refused with
 * another status is dropped. While a batch is being retried the queue fills, and samples that find it full
 * are dropped and counted: memory stays bounded whatever the remote does.
 *
 * <p>Meters, tagged {@code remote=<name>}: {@code vigil.remote.write.samples} tagged {@code outcome}
 * ({@code sent}, {@code failed}, {@code dropped}, {@code retried}), {@code vigil.remote.write.queue.samples},
 * {@code vigil.remote.write.queue.capacity}, {@code vigil.remote.write.send} (a timer per request) and
 * {@code vigil.remote.write.highest.sent.timestamp} (seconds). Give each exporter its own name.
 *
 * <p>Thread-safe. The owner calls {@link #start()} once and {@link #close()} when done.
 */
public final class RemoteWriteExporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemoteWriteExporter.class);
    /** How long {@link #close()} lets the sender flush the queue before stopping it. */
    private static final long FLUSH_MILLIS = 5_000;
    /** How often a waiting sender looks whether it is being closed. */
    private static final long POLL_MILLIS = 50;

    private final RemoteWriteSettings settings;
    private final BlockingQueue<QueuedSample> queue;
    private final ExporterMeters meters;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final BatchSender sender;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    /** Touched by the sender thread only. */
    private boolean sendFailureLogged;

    /**
     * An exporter that has not started sending yet.
     *
     * @param settings where and how to send
     * @param meters where the exporter's meters are registered
     * @param clock the platform's clock, for {@code Retry-After} dates
     */
    public RemoteWriteExporter(RemoteWriteSettings settings, MeterRegistry meters, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        requireNonNull(meters, "meters is null");
        requireNonNull(clock, "clock is null");
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.meters = new ExporterMeters(meters, settings.name(), queue, settings.queueCapacity());
        String threadName = "vigil-remote-write-" + settings.name();
        // our own executor, so that close() can stop the HTTP client's worker threads too
        this.httpExecutor = Executors.newSingleThreadExecutor(task -> daemon(task, threadName + "-http"));
        this.client = HttpClients.build(HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .executor(httpExecutor)
                .followRedirects(HttpClient.Redirect.NEVER));
        this.sender = new BatchSender(settings, client, clock, this.meters);
        this.thread = daemon(this::run, threadName);
    }

    /** The settings this exporter was made with. */
    public RemoteWriteSettings settings() {
        return settings;
    }

    /**
     * Starts the sender thread.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("remote write exporter " + settings.name() + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("remote write exporter " + settings.name() + " is already started");
        }
        thread.start();
    }

    /**
     * Queues a sample for sending. Never blocks and never throws.
     *
     * @return false when the sample was dropped because the queue is full or the exporter is closed
     */
    public boolean offer(Labels labels, long timestamp, double value) {
        if (closing || !queue.offer(new QueuedSample(labels, timestamp, value))) {
            meters.dropped.increment();
            return false;
        }
        return true;
    }

    /** How many samples wait in the queue. */
    public int queued() {
        return queue.size();
    }

    /**
     * Sends what is queued for up to a few seconds, then stops the sender thread and counts what is left as
     * dropped. Returns once no thread of this exporter runs. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        try {
            if (started.get()) {
                thread.join(FLUSH_MILLIS);
                if (thread.isAlive()) {
                    log.warn("Remote write to {} did not flush its queue within {} ms; dropping {} samples",
                            settings.name(), FLUSH_MILLIS, queue.size());
                    thread.interrupt();
                    thread.join(FLUSH_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            int left = queue.size();
            queue.clear();
            meters.dropped.increment(left);
            httpExecutor.shutdownNow();
            awaitExecutor();
            closeClient();
            meters.removeGauges();
        }
    }

    private void run() {
        List<QueuedSample> batch = new ArrayList<>(Math.min(settings.maxSamplesPerSend(), 10_000));
        try {
            while (true) {
                QueuedSample first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                fill(batch);
                try {
                    sender.send(batch);
                } catch (RuntimeException e) {
                    // a batch that cannot even be sent (a bad header value, say) must not stop the exporter
                    meters.failed.increment(batch.size());
                    if (!sendFailureLogged) {
                        sendFailureLogged = true;
                        log.error("Remote write to {} cannot send a batch; dropping it (logged once)", settings.name(), e);
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what was being sent is lost
            meters.failed.increment(batch.size());
        }
    }

    /** Adds to {@code batch} until it is full or its first sample has waited the batch deadline. */
    private void fill(List<QueuedSample> batch) throws InterruptedException {
        int max = settings.maxSamplesPerSend();
        long deadline = System.nanoTime() + settings.batchSendDeadline().toNanos();
        while (batch.size() < max) {
            queue.drainTo(batch, max - batch.size());
            if (batch.size() >= max || closing) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            QueuedSample next = queue.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
    }

    private void awaitExecutor() {
        try {
            if (!httpExecutor.awaitTermination(FLUSH_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("The HTTP client of remote write {} did not stop in time", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On Java 21 and later the client can be closed, which stops its selector thread at once. */
    private void closeClient() {
        Object c = client;
        if (c instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Cannot close the HTTP client of remote write {}", settings.name(), e);
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
