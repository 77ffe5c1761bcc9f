package dev.vigil.logging.syslog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends syslog messages from a bounded queue on a thread of its own, so that the threads that log only ever add to
 * the queue: when the receiver is slow or gone and the queue is full, new messages are dropped and counted.
 *
 * <p>After a failure the connection is opened again, waiting longer after each failed attempt (from
 * {@code initialBackoff}, doubling, up to {@code maxBackoff}); the message whose write failed is sent again once on
 * the new connection. Failures and recoveries are reported through the {@code reporter} given, at most once a minute
 * for drops, which the owner logs.
 *
 * <p>Thread-safe.
 */
public final class SyslogSender implements AutoCloseable {

    private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final Transport transport;
    private final BlockingQueue<byte[]> queue;
    private final Consumer<String> reporter;
    private final Clock clock;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final Thread worker;
    private final Object wakeUp = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;
    // only read and written by the worker
    private long droppedReported;
    private long lastReportMillis;

    SyslogSender(Transport transport, int queueSize, Duration initialBackoff, Duration maxBackoff, Clock clock,
            Consumer<String> reporter) {
        this.transport = requireNonNull(transport, "transport is null");
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.initialBackoffNanos = initialBackoff.toNanos();
        this.maxBackoffNanos = maxBackoff.toNanos();
        this.lastReportMillis = clock.millis();
        this.worker = new Thread(this::run, "vigil-syslog-sender");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A sender to {@code host:port} over {@code protocol}, its thread started.
     *
     * @param queueSize how many messages may wait for the receiver
     * @param reporter told, on the sender's thread, when the receiver fails, recovers, or messages were dropped
     */
    public static SyslogSender start(SyslogProtocol protocol, String host, int port, int queueSize, Clock clock,
            Consumer<String> reporter) {
        Transport transport = switch (protocol) {
            case UDP -> new UdpTransport(host, port);
            case TCP -> new TcpTransport(host, port, Duration.ofSeconds(5));
        };
        return new SyslogSender(transport, queueSize, Duration.ofMillis(100), Duration.ofSeconds(30), clock, reporter);
    }

    /** Queues {@code message} (already formatted); false if the queue is full or the sender closed, and it is dropped. */
    public boolean send(byte[] message) {
        if (closing || !queue.offer(message)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** How many messages were dropped because the queue was full, since the start. */
    public long dropped() {
        return dropped.get();
    }

    /** How many messages were lost because writing them failed twice. */
    public long failed() {
        return failed.get();
    }

    /** Such as {@code tcp://logs.example.com:514}. */
    public String target() {
        return transport.target();
    }

    /**
     * Stops the sender, trying for up to a second to send what is queued first. Messages sent afterwards are dropped.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            worker.join(CLOSE_WAIT_MILLIS);
            if (worker.isAlive()) {
                worker.interrupt();
                // unblocks a write or a connect stuck on an unresponsive receiver
                transport.close();
                worker.join(CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        byte @Nullable [] pending = null;
        boolean connected = false;
        boolean idle = true;
        boolean failing = false;
        boolean retried = false;
        long backoff = initialBackoffNanos;
        try {
            while (true) {
                reportDrops(false);
                if (pending == null) {
                    pending = queue.poll();
                    if (pending == null) {
                        if (connected && !flush()) {
                            connected = false;
                        }
                        idle = true;
                        if (closing) {
                            break;
                        }
                        pending = queue.poll(250, TimeUnit.MILLISECONDS);
                        continue;
                    }
                }
                if (connected && idle && transport.peerClosed()) {
                    transport.close();
                    connected = false;
                }
                idle = false;
                if (!connected) {
                    try {
                        transport.open();
                        connected = true;
                        backoff = initialBackoffNanos;
                        if (failing) {
                            failing = false;
                            reporter.accept("syslog output to " + transport.target() + " is connected again");
                        }
                    } catch (IOException e) {
                        if (!failing) {
                            failing = true;
                            reporter.accept("syslog output to " + transport.target() + " failed, retrying: " + describe(e));
                        }
                        if (closing) {
                            break;
                        }
                        pause(backoff);
                        backoff = Math.min(backoff * 2, maxBackoffNanos);
                        continue;
                    }
                }
                try {
                    transport.write(pending);
                    pending = null;
                    retried = false;
                } catch (IOException e) {
                    transport.close();
                    connected = false;
                    if (!failing) {
                        failing = true;
                        reporter.accept("syslog output to " + transport.target() + " failed, retrying: " + describe(e));
                    }
                    if (retried) {
                        failed.incrementAndGet();
                        pending = null;
                        retried = false;
                    } else {
                        retried = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
            long left = queue.size() + (pending == null ? 0 : 1);
            queue.clear();
            dropped.addAndGet(left);
            reportDrops(true);
        }
    }

    private boolean flush() {
        try {
            transport.flush();
            return true;
        } catch (IOException e) {
            transport.close();
            return false;
        }
    }

    private void pause(long nanos) throws InterruptedException {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        synchronized (wakeUp) {
            if (!closing) {
                wakeUp.wait(millis);
            }
        }
    }

    private void reportDrops(boolean now) {
        long millis = clock.millis();
        if (!now && millis - lastReportMillis < REPORT_INTERVAL.toMillis()) {
            return;
        }
        lastReportMillis = millis;
        long total = dropped.get();
        long since = total - droppedReported;
        if (since > 0) {
            droppedReported = total;
            reporter.accept("syslog output to " + transport.target() + " dropped " + since
                    + " messages because its queue was full");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
