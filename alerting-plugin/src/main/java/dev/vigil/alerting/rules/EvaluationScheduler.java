package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once at a given time. Rule groups and the rule file check each schedule their next run when a run
 * ends, so that tests can drive them with a controllable clock instead of sleeping. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface EvaluationScheduler {

    /** A scheduled run that can be called off. */
    @FunctionalInterface
    interface Scheduled {
        /** Calls the run off if it has not started; a run already started completes. */
        void cancel();
    }

    /** Runs {@code task} at {@code at} (at once if that is past), on a thread of the scheduler's choosing. */
    Scheduled schedule(Runnable task, Instant at);

    /**
     * A scheduler on {@code executor}, measuring the wait against {@code clock}. The executor is the caller's: it is
     * not shut down here.
     */
    static EvaluationScheduler using(ScheduledExecutorService executor, Clock clock) {
        requireNonNull(executor, "executor is null");
        requireNonNull(clock, "clock is null");
        return (task, at) -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            ScheduledFuture<?> future = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
