package dev.vigil.kernel.schedule;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.schedule.Scheduler;
import dev.vigil.kernel.owner.Owner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner's view of a scheduler: tasks run with the owner's context class loader, what they throw is
 * logged (a periodic task keeps its schedule), and every task is cancelled when the owner stops.
 */
public final class OwnedScheduler implements Scheduler {

    private static final Logger log = LoggerFactory.getLogger(OwnedScheduler.class);

    private final Scheduler delegate;
    private final Owner owner;

    public OwnedScheduler(Scheduler delegate, Owner owner) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    @Override
    public Registration schedule(Runnable task, Duration delay) {
        checkDuration(delay, "delay");
        return owner.track(delegate.schedule(guard(task), delay));
    }

    @Override
    public Registration scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        checkDuration(initialDelay, "initialDelay");
        checkPeriod(period);
        return owner.track(delegate.scheduleAtFixedRate(guard(task), initialDelay, period));
    }

    @Override
    public Registration scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        checkDuration(initialDelay, "initialDelay");
        checkPeriod(delay);
        return owner.track(delegate.scheduleWithFixedDelay(guard(task), initialDelay, delay));
    }

    private Runnable guard(Runnable task) {
        requireNonNull(task, "task is null");
        return () -> {
            try {
                owner.run(task);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                log.warn("plugin '{}': scheduled task threw", owner.id(), e);
            }
        };
    }

    private static void checkDuration(Duration d, String name) {
        requireNonNull(d, name + " is null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " is negative: " + d);
        }
    }

    private static void checkPeriod(Duration d) {
        requireNonNull(d, "period is null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + d);
        }
    }
}
