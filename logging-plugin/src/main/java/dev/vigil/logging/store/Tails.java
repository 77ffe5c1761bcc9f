package dev.vigil.logging.store;

import dev.vigil.api.Registration;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live tails of a store. Stored batches are queued, in the order they were stored, with the tails registered at
 * that moment, and handed to each tail's listener on one thread of the store's ({@code vigil-log-tail}), so that a
 * slow listener never slows appends. At most {@value #MAX_PENDING} records wait; batches beyond that are not shown to
 * tails (and a warning says how many were not). A listener that throws is removed. Thread-safe.
 */
final class Tails implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tails.class);
    static final int MAX_PENDING = 100_000;

    private final CopyOnWriteArrayList<Tail> tails = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private @Nullable Thread thread;
    private volatile boolean closed;

    private static final class Tail implements Registration {
        final LogFilter filter;
        final Consumer<LogRecord> listener;
        final CopyOnWriteArrayList<Tail> owner;
        volatile boolean closed;

        Tail(LogFilter filter, Consumer<LogRecord> listener, CopyOnWriteArrayList<Tail> owner) {
            this.filter = filter;
            this.listener = listener;
            this.owner = owner;
        }

        @Override
        public void close() {
            closed = true;
            owner.remove(this);
        }
    }

    private record Delivery(List<LogRecord> records, Object[] tails) {}

    /** Adds a tail; starts the delivery thread with the first one. */
    synchronized Registration add(LogFilter filter, Consumer<LogRecord> listener) {
        if (closed) {
            throw new IllegalStateException("the log store is closed");
        }
        Tail tail = new Tail(filter, listener, tails);
        tails.add(tail);
        if (thread == null) {
            Thread t = new Thread(this::run, "vigil-log-tail");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
        return tail;
    }

    /**
     * Queues a stored batch for the tails registered now. Called under the store's append lock, so batches queue in
     * the order they were stored; never blocks and never logs (the platform's own log records come through here).
     */
    void stored(List<LogRecord> records) {
        if (tails.isEmpty() || closed) {
            return;
        }
        if (pending.addAndGet(records.size()) > MAX_PENDING) {
            pending.addAndGet(-records.size());
            dropped.addAndGet(records.size());
            return;
        }
        queue.offer(new Delivery(records, tails.toArray()));
    }

    private void run() {
        while (!closed) {
            Delivery d;
            try {
                d = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warn("Log store: {} records were not shown to live tails, which fell more than {} records behind",
                        lost, MAX_PENDING);
            }
            if (d != null) {
                pending.addAndGet(-d.records.size());
                deliver(d);
            }
        }
    }

    private void deliver(Delivery d) {
        for (LogRecord record : d.records) {
            for (Object o : d.tails) {
                Tail tail = (Tail) o;
                if (tail.closed) {
                    continue;
                }
                try {
                    if (tail.filter.testIgnoringTime(record)) {
                        tail.listener.accept(record);
                    }
                } catch (RuntimeException e) {
                    tail.close();
                    LOG.warn("Log store: a live tail's listener threw and was removed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
            for (Tail tail : tails) {
                tail.closed = true;
            }
            tails.clear();
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
