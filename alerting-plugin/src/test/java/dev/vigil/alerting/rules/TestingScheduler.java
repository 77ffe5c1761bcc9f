package dev.vigil.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler that runs nothing by itself: {@link #advance(Duration)} moves the clock forward and runs every task
 * that falls due on the way, in time order, with the clock set to each task's time. Single-threaded.
 */
final class TestingScheduler implements EvaluationScheduler {

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparing((Task t) -> t.at).thenComparingLong(t -> t.sequence));
    private long sequence;

    TestingScheduler(MutableClock clock) {
        this.clock = clock;
    }

    private static final class Task {
        final Instant at;
        final long sequence;
        final Runnable run;
        boolean cancelled;

        Task(Instant at, long sequence, Runnable run) {
            this.at = at;
            this.sequence = sequence;
            this.run = run;
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Instant at) {
        Task t = new Task(at, sequence++, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward by {@code duration}, running what falls due. */
    void advance(Duration duration) {
        runUntil(clock.instant().plus(duration));
    }

    /** Moves the clock to {@code target}, running what falls due. */
    void runUntil(Instant target) {
        while (!tasks.isEmpty() && !tasks.peek().at.isAfter(target)) {
            Task next = tasks.poll();
            if (next.cancelled) {
                continue;
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.run.run();
        }
        clock.set(target);
    }

    /** The times of the tasks waiting to run. */
    List<Instant> pending() {
        List<Instant> out = new ArrayList<>();
        tasks.stream().filter(t -> !t.cancelled).sorted(tasks.comparator()).forEach(t -> out.add(t.at));
        return out;
    }
}
