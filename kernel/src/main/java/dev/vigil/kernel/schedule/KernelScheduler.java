package dev.vigil.kernel.schedule;

import dev.vigil.api.Registration;
import dev.vigil.api.schedule.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel's scheduler: a small fixed pool of daemon threads. Its threads are all started up front, from
 * kernel code, so that no pool thread is ever created while a plugin's code is on the stack; a thread
 * created then would inherit the plugin's context class loader and keep it alive.
 */
public final class KernelScheduler implements Scheduler, AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    public KernelScheduler(int threads) {
        ClassLoader kernelLoader = KernelScheduler.class.getClassLoader();
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "vigil-scheduler-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(kernelLoader);
            return thread;
        };
        executor = new ScheduledThreadPoolExecutor(threads, factory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.prestartAllCoreThreads();
    }

    @Override
    public Registration schedule(Runnable task, Duration delay) {
        return cancelling(executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Registration scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        return cancelling(executor.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Registration scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        return cancelling(executor.scheduleWithFixedDelay(task, initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    private static Registration cancelling(ScheduledFuture<?> future) {
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
