package dev.vigil.metrics.query;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most a fixed number of queries run at once, as Prometheus's {@code --query.max-concurrency} does:
 * a query that finds every turn taken waits, first come first served, for as long as its timeout allows.
 * Thread-safe.
 */
final class QueryGate {

    private final int turns;
    private final Semaphore permits;

    /**
     * A gate for {@code turns} queries at once.
     *
     * @throws IllegalArgumentException if {@code turns} is not positive
     */
    QueryGate(int turns) {
        if (turns <= 0) {
            throw new IllegalArgumentException("turns must be positive, got " + turns);
        }
        this.turns = turns;
        this.permits = new Semaphore(turns, true);
    }

    /** Takes a turn if one is free at once. */
    boolean tryEnter() {
        return permits.tryAcquire();
    }

    /**
     * Waits up to {@code nanos} for a turn.
     *
     * @return whether it got one
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    boolean enter(long nanos) throws InterruptedException {
        return nanos > 0 && permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    }

    /** Gives back a turn taken with {@link #tryEnter} or {@link #enter}. */
    void leave() {
        permits.release();
    }

    /** How many queries run now. */
    int running() {
        return turns - permits.availablePermits();
    }

    /** About how many queries wait for a turn now. */
    int waiting() {
        return permits.getQueueLength();
    }
}
