package dev.vigil.alerting.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that runs nothing until the test says so, on the test's thread. Thread-safe. */
final class TestingExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs tasks, those they add included, until none is left; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
            }
            if (task == null) {
                return ran;
            }
            task.run();
            ran++;
        }
    }

    /** How many tasks wait. */
    synchronized int queued() {
        return tasks.size();
    }
}
