package dev.vigil.benchmarks.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.LogSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the log store's pace part of the throughput measured. The store output's queue drops INFO events when it is
 * full, which would let the logging threads run ahead of the store for free; this sink sits between the output and
 * the store, counts what the store took, and holds a logging thread back while more than {@code high} events are
 * logged but not yet stored, until no more than {@code low} are. With {@code high} below the queue's size the queue
 * never fills, nothing is dropped, and in the long run events are logged no faster than they are stored.
 * Thread-safe.
 */
final class StoreGate implements LogSink {

    private static final long PARK_NANOS = 50_000;

    private final LogSink store;
    private final long high;
    private final long low;
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    /**
     * @param store where the records go
     * @param high how many events may be logged and not yet stored before a logging thread waits
     * @param low how many may still be on their way when it goes on
     */
    StoreGate(LogSink store, long high, long low) {
        this.store = requireNonNull(store, "store is null");
        if (low < 0 || high <= low) {
            throw new IllegalArgumentException("need 0 <= low < high, got low " + low + " and high " + high);
        }
        this.high = high;
        this.low = low;
    }

    @Override
    public void accept(List<LogRecord> records) {
        store.accept(records);
        stored.addAndGet(records.size());
    }

    /** Called before a logging thread logs: waits while the store is too far behind. */
    void beforeEvent() {
        if (logged.get() - stored.get() < high) {
            return;
        }
        waits.incrementAndGet();
        while (logged.get() - stored.get() > low) {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }

    /** Called once a logging thread has logged an event. */
    void afterEvent() {
        logged.incrementAndGet();
    }

    /**
     * Waits until every event logged so far is stored.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}: events were lost on the way
     */
    void awaitStored(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stored.get() < logged.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the store has " + stored.get() + " of " + logged.get() + " events after "
                        + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(PARK_NANOS);
        }
    }

    /** Events logged so far. */
    long logged() {
        return logged.get();
    }

    /** Records the store has taken so far. */
    long stored() {
        return stored.get();
    }

    /** How many times a logging thread had to wait for the store. */
    long waits() {
        return waits.get();
    }
}
