package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.PromqlException;

/**
 * The running state of one query that every operator shares: the deadline, the cancel flag, the count of
 * samples held in memory against the limit, the count of samples touched, and the annotations. Only
 * {@link #cancel()} may be called from another thread.
 */
final class Execution {

    /** Where Prometheus says a limit was hit while the expression was evaluated. */
    static final String EVALUATION = "expression evaluation";
    /** Where Prometheus says a limit was hit before or around evaluation. */
    static final String EXECUTION = "query execution";

    private static final int CLOCK_EVERY = 16;

    private final long deadlineNanos;
    private final long maxSamples;
    private final Annotations annotations;
    private volatile boolean cancelled;
    private int ticks;
    private long held;
    private long touched;

    Execution(long timeoutNanos, long maxSamples, Annotations annotations) {
        long now = System.nanoTime();
        this.deadlineNanos = timeoutNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutNanos;
        this.maxSamples = maxSamples;
        this.annotations = annotations;
    }

    Annotations annotations() {
        return annotations;
    }

    /** Asks a running evaluation to stop at its next checkpoint. Thread-safe. */
    void cancel() {
        cancelled = true;
    }

    /**
     * Fails if the query was cancelled or ran past its deadline. Cheap enough to call once per series or per
     * few thousand samples: the clock is read only every few calls.
     */
    void checkpoint() {
        if (cancelled) {
            throw new PromqlException(ErrorType.CANCELED, "query was canceled in " + EVALUATION);
        }
        if (++ticks >= CLOCK_EVERY) {
            ticks = 0;
            checkDeadline(EVALUATION);
        }
    }

    /** Fails if the query was cancelled or is past its deadline, reading the clock now. */
    void checkNow(String where) {
        if (cancelled) {
            throw new PromqlException(ErrorType.CANCELED, "query was canceled in " + where);
        }
        checkDeadline(where);
    }

    private void checkDeadline(String where) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new PromqlException(ErrorType.TIMEOUT, "query timed out in " + where);
        }
    }

    /** The samples held now. */
    long held() {
        return held;
    }

    /** Counts {@code n} more samples held in memory; fails past the limit. */
    void hold(long n) {
        held += n;
        if (held > maxSamples) {
            throw tooManySamples();
        }
    }

    /** Sets the samples held, as when an operator's inputs are released and its output kept. */
    void holdExactly(long n) {
        held = n;
        if (held > maxSamples) {
            throw tooManySamples();
        }
    }

    /** Counts {@code n} fewer samples held. */
    void release(long n) {
        held -= n;
    }

    /** Counts samples read or computed, for the query's statistics. */
    void touch(long n) {
        touched += n;
    }

    long touched() {
        return touched;
    }

    /**
     * Fails when an expression is to be evaluated at more steps than the query may hold samples, as a subquery
     * with a tiny step over a long range would: its arrays alone would not fit.
     */
    void checkSteps(long steps) {
        if (steps > maxSamples) {
            throw tooManySamples();
        }
    }

    static PromqlException tooManySamples() {
        return PromqlException.execution("query processing would load too many samples into memory in " + EXECUTION);
    }
}
