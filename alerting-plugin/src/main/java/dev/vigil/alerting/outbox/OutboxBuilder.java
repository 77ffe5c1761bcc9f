package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.outbox.history.HistorySettings;
import dev.vigil.alerting.outbox.history.NotificationHistory;
import dev.vigil.api.schedule.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures and opens an {@link Outbox}. Every setting has a default; see each method. Not thread-safe.
 */
public final class OutboxBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBuilder.class);

    private final Path dataDir;
    private final ChannelDirectory directory;
    private final Scheduler scheduler;
    private Clock clock = Clock.systemUTC();
    private MeterRegistry meterRegistry = new CompositeMeterRegistry();
    private @Nullable Executor executor;
    private int workers = 4;
    private Duration minBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration maxRetryAfter = Duration.ofHours(1);
    private Duration receiverGrace = Duration.ofHours(1);
    private long segmentBytes = 8L << 20;
    private Duration segmentMaxAge = Duration.ofHours(1);
    private Duration carryForwardAfter = Duration.ofHours(1);
    private Duration dedupWindow = Duration.ofHours(1);
    private Duration maintenanceInterval = Duration.ofMinutes(1);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private HistorySettings history = HistorySettings.defaults();

    OutboxBuilder(Path dataDir, ChannelDirectory directory, Scheduler scheduler) {
        this.dataDir = dataDir;
        this.directory = directory;
        this.scheduler = scheduler;
    }

    /** The clock for every time the outbox notes and every wait it computes. Default: the system clock, UTC. */
    public OutboxBuilder clock(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        return this;
    }

    /** Where the outbox's meters go. Default: nowhere. */
    public OutboxBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = requireNonNull(registry, "registry is null");
        return this;
    }

    /**
     * Runs attempts on {@code executor} instead of the outbox's own pool; the caller owns its lifecycle. At most
     * one task per integration is submitted at a time.
     */
    public OutboxBuilder executor(Executor executor) {
        this.executor = requireNonNull(executor, "executor is null");
        return this;
    }

    /** The size of the outbox's own pool of delivery threads. Default: 4. */
    public OutboxBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = workers;
        return this;
    }

    /** The wait after the first failed attempt, doubled for each further one up to {@code max}. Default: 1s to 5m. */
    public OutboxBuilder backoff(Duration min, Duration max) {
        this.minBackoff = requireNonNull(min, "min is null");
        this.maxBackoff = requireNonNull(max, "max is null");
        return this;
    }

    /** The longest wait a channel's {@code retryAfter} is honoured for. Default: 1h. */
    public OutboxBuilder maxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = requireNonNull(maxRetryAfter, "maxRetryAfter is null");
        return this;
    }

    /**
     * How long notifications wait for a receiver or integration that is missing from the configuration before
     * they are marked failed. Default: 1h.
     */
    public OutboxBuilder receiverGrace(Duration grace) {
        this.receiverGrace = requireNonNull(grace, "grace is null");
        return this;
    }

    /** The size at which the log starts a new segment file. Default: 8 MiB. */
    public OutboxBuilder segmentBytes(long bytes) {
        this.segmentBytes = bytes;
        return this;
    }

    /** The age at which the log starts a new segment file if the current one can be reclaimed. Default: 1h. */
    public OutboxBuilder segmentMaxAge(Duration age) {
        this.segmentMaxAge = requireNonNull(age, "age is null");
        return this;
    }

    /**
     * How long a sealed segment may hold deliveries still pending before they are copied into the newest segment
     * so the old file can be removed. Default: 1h.
     */
    public OutboxBuilder carryForwardAfter(Duration after) {
        this.carryForwardAfter = requireNonNull(after, "after is null");
        return this;
    }

    /**
     * How long after the last delivery of a notification ended the outbox still recognises its id and ignores the
     * same notification submitted again (as the pipeline does when it decides a notification again after a crash).
     * While any delivery of it is pending, it is recognised in any case. Segment files are kept at least this long
     * after their last delivery ended, so that a restart knows the ids too. Default: 1h.
     */
    public OutboxBuilder dedupWindow(Duration window) {
        this.dedupWindow = requireNonNull(window, "window is null");
        return this;
    }

    /** How often segments are compacted and history retention applied. Default: 1m. */
    public OutboxBuilder maintenanceInterval(Duration interval) {
        this.maintenanceInterval = requireNonNull(interval, "interval is null");
        return this;
    }

    /** How long {@link Outbox#close} waits for attempts under way. Default: 10s. */
    public OutboxBuilder closeTimeout(Duration timeout) {
        this.closeTimeout = requireNonNull(timeout, "timeout is null");
        return this;
    }

    /** How much notification history is kept. Default: {@link HistorySettings#defaults()}. */
    public OutboxBuilder history(HistorySettings settings) {
        this.history = requireNonNull(settings, "settings is null");
        return this;
    }

    /**
     * Opens the outbox: reads back the log (cutting off a torn tail), opens the history and starts delivering
     * whatever was not delivered before.
     *
     * @throws IOException if the files cannot be read or created, or another outbox has them open
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Outbox open() throws IOException {
        OutboxSettings settings = new OutboxSettings(new Backoff(minBackoff, maxBackoff, maxRetryAfter), receiverGrace, segmentBytes,
                segmentMaxAge, carryForwardAfter, dedupWindow, maintenanceInterval, closeTimeout, history);
        OutboxLog.Opened opened = OutboxLog.open(dataDir.resolve("outbox"), segmentBytes, clock);
        NotificationHistory notificationHistory = null;
        OutboxMeters meters = null;
        ExecutorService own = null;
        try {
            notificationHistory = NotificationHistory.open(dataDir.resolve("history"), history, clock);
            meters = new OutboxMeters(meterRegistry, clock);
            meters.badRecords(opened.badFrames() + opened.malformed());
            own = executor == null ? newPool(workers) : null;
            Dispatcher dispatcher = new Dispatcher(opened.log(), directory, notificationHistory, meters, executor != null ? executor : own,
                    scheduler, clock, settings);
            dispatcher.restore(opened.pending(), opened.ended(), opened.nextSeq());
            Outbox outbox = new Outbox(opened.log(), notificationHistory, meters, dispatcher, settings, own, directory, scheduler);
            if (!opened.pending().isEmpty() || opened.badFrames() > 0 || opened.malformed() > 0) {
                LOG.info("Outbox in {} opened with {} deliveries pending ({} segments with a bad tail, {} unreadable records)", dataDir,
                        opened.pending().size(), opened.badFrames(), opened.malformed());
            }
            dispatcher.pumpAll();
            return outbox;
        } catch (IOException | RuntimeException e) {
            if (own != null) {
                own.shutdownNow();
            }
            if (meters != null) {
                meters.close();
            }
            if (notificationHistory != null) {
                notificationHistory.close();
            }
            try {
                opened.log().close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static ExecutorService newPool(int workers) {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = OutboxBuilder.class.getClassLoader();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "vigil-outbox-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        // idle threads end, so a quiet outbox holds none
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
