package dev.vigil.api.schedule;

import dev.vigil.api.Registration;
import java.time.Duration;

/**
 * Runs a plugin's work later or periodically on the kernel's threads, with the plugin's class loader as
 * the context class loader. Tasks are cancelled when the plugin stops; closing the returned registration
 * cancels one. What a task throws is logged and counted; a periodic task keeps its schedule.
 *
 * <p>Prefer this to starting threads: the kernel cannot stop a thread a plugin started itself, and such a
 * thread keeps the plugin's class loader alive. Thread-safe.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}. */
    Registration schedule(Runnable task, Duration delay);

    /** Runs {@code task} after {@code initialDelay} and then every {@code period} after each start. */
    Registration scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

    /** Runs {@code task} after {@code initialDelay} and then {@code delay} after each run finishes. */
    Registration scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay);
}
