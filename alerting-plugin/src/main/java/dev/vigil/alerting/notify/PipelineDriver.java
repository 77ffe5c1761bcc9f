package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a pipeline's time: one task is always scheduled, for the pipeline's next deadline (a group timer, an
 * escalation tier, a save) or, when nothing is due sooner, the maintenance interval, which forgets old silences
 * and log entries. When alerts or commands bring a deadline forward, the task is moved. Thread-safe.
 */
public final class PipelineDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineDriver.class);
    /** The least wait after a tick, so that a deadline that cannot be met does not spin. */
    private static final Duration MIN_PAUSE = Duration.ofMillis(10);

    private final NotificationPipeline pipeline;
    private final TickScheduler scheduler;
    private final Duration maintenanceInterval;
    private final Clock clock;
    private @Nullable Registration scheduled;
    private @Nullable Instant scheduledAt;
    private boolean closed;

    private PipelineDriver(NotificationPipeline pipeline, TickScheduler scheduler, Duration maintenanceInterval) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        if (maintenanceInterval.isNegative() || maintenanceInterval.isZero()) {
            throw new IllegalArgumentException("maintenanceInterval must be positive: " + maintenanceInterval);
        }
        this.maintenanceInterval = maintenanceInterval;
        this.clock = pipeline.clock();
    }

    /** Starts driving {@code pipeline} with {@code scheduler}, with maintenance every 30 seconds. */
    public static PipelineDriver start(NotificationPipeline pipeline, TickScheduler scheduler) {
        return start(pipeline, scheduler, Duration.ofSeconds(30));
    }

    /** Starts driving {@code pipeline} with {@code scheduler}, with maintenance every {@code maintenanceInterval}. */
    public static PipelineDriver start(NotificationPipeline pipeline, TickScheduler scheduler,
            Duration maintenanceInterval) {
        PipelineDriver driver = new PipelineDriver(pipeline, scheduler, maintenanceInterval);
        pipeline.onDeadline(driver::deadline);
        driver.plan(pipeline.nextDeadline(), driver.clock.instant());
        return driver;
    }

    /** Stops driving; the pipeline itself stays open (close it separately). Idempotent. */
    @Override
    public void close() {
        pipeline.onDeadline(null);
        synchronized (this) {
            closed = true;
            if (scheduled != null) {
                scheduled.close();
                scheduled = null;
                scheduledAt = null;
            }
        }
    }

    /** When the next tick is scheduled, if one is; for diagnostics. */
    public synchronized Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    private void run() {
        synchronized (this) {
            if (closed) {
                return;
            }
            scheduled = null;
            scheduledAt = null;
        }
        try {
            pipeline.tick();
        } catch (RuntimeException e) {
            LOG.error("The notification pipeline's tick failed; trying again at the next one", e);
        }
        plan(pipeline.nextDeadline(), clock.instant().plus(MIN_PAUSE));
    }

    private void deadline(Instant deadline) {
        plan(Optional.of(deadline), clock.instant());
    }

    private synchronized void plan(Optional<Instant> deadline, Instant earliest) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        Instant target = now.plus(maintenanceInterval);
        if (deadline.isPresent() && deadline.get().isBefore(target)) {
            target = deadline.get().isBefore(earliest) ? earliest : deadline.get();
        }
        if (scheduledAt != null && !target.isBefore(scheduledAt)) {
            return;
        }
        if (scheduled != null) {
            scheduled.close();
        }
        Duration delay = target.isAfter(now) ? Duration.between(now, target) : Duration.ZERO;
        scheduledAt = target;
        scheduled = scheduler.schedule(this::run, delay);
    }
}
