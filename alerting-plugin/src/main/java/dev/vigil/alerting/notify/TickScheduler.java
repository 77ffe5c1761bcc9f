package dev.vigil.alerting.notify;

import dev.vigil.api.Registration;
import java.time.Duration;

/**
 * Runs a task once after a delay: all the {@link PipelineDriver} needs to keep the pipeline's timers. The kernel's
 * {@link dev.vigil.api.schedule.Scheduler#schedule} fits ({@code scheduler::schedule}); tests pass one driven by
 * a testing clock, so that timers fire exactly when the test moves time, without sleeping. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface TickScheduler {

    /** Runs {@code task} once, {@code delay} from now; closing the registration cancels it. */
    Registration schedule(Runnable task, Duration delay);
}
