package dev.vigil.testkit;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler driven by a {@link TestingClock}: tasks run, on the thread that advances the clock, when the
 * clock reaches their time, in time order. Nothing runs by itself, so tests of periodic work are exact.
 */
public final class TestingScheduler implements Scheduler {

    private final TestingClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.sequence));
    private long sequence;

    /** A scheduler whose tasks run when {@code clock} is advanced past their time. */
    public TestingScheduler(TestingClock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        clock.onAdvance(now -> runDue());
    }

    @Override
    public Registration schedule(Runnable task, Duration delay) {
        return add(task, delay, null, false);
    }

    @Override
    public Registration scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        return add(task, initialDelay, period, true);
    }

    @Override
    public Registration scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        return add(task, initialDelay, delay, false);
    }

    /** How many tasks are waiting. */
    public synchronized int pending() {
        return queue.size();
    }

    private synchronized Registration add(Runnable runnable, Duration delay, Duration period, boolean fixedRate) {
        Task task = new Task(requireNonNull(runnable, "task is null"), clock.instant().plus(delay), period, fixedRate, sequence++);
        queue.add(task);
        return () -> cancel(task);
    }

    private synchronized void cancel(Task task) {
        task.cancelled = true;
        queue.remove(task);
    }

    /** Runs every task due at the clock's current time; called when the clock advances. */
    public void runDue() {
        Instant now = clock.instant();
        while (true) {
            Task task;
            synchronized (this) {
                task = queue.peek();
                if (task == null || task.due.isAfter(now)) {
                    return;
                }
                queue.poll();
            }
            task.runnable.run();
            synchronized (this) {
                if (task.period != null && !task.cancelled) {
                    task.due = task.fixedRate ? task.due.plus(task.period) : now.plus(task.period);
                    task.sequence = sequence++;
                    queue.add(task);
                }
            }
        }
    }

    /** The tasks waiting, by due time; for diagnostics. */
    public synchronized List<Instant> dueTimes() {
        List<Instant> times = new ArrayList<>();
        queue.stream().sorted(queue.comparator()).forEach(t -> times.add(t.due));
        return times;
    }

    private static final class Task {
        final Runnable runnable;
        final Duration period;
        final boolean fixedRate;
        Instant due;
        long sequence;
        volatile boolean cancelled;

        Task(Runnable runnable, Instant due, Duration period, boolean fixedRate, long sequence) {
            this.runnable = runnable;
            this.due = due;
            this.period = period;
            this.fixedRate = fixedRate;
            this.sequence = sequence;
        }
    }
}
