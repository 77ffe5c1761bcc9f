package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.NotificationSink;
import dev.vigil.alerting.outbox.history.NotificationHistory;
import dev.vigil.api.Registration;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.schedule.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox: where the notification pipeline puts what it decided to send, and the workers that deliver
 * it.
 *
 * <p>{@link #submit} writes one record per integration of the notification's receiver (as the
 * {@link ChannelDirectory} lists them at that moment) and forces them to disk before it returns. Each integration
 * has its own queue, delivered in order with one attempt in flight at a time. An attempt that ends in
 * {@code RETRY} or throws is repeated after an exponential backoff, never sooner than the channel's
 * {@code retryAfter}; {@code DELIVERED} and {@code FAILED} end the delivery, and that end is forced to disk
 * before the queue moves on. After a crash, every delivery not recorded as ended is attempted again with the same
 * notification: a repeat is possible only for a delivery whose channel accepted it just before the crash, and
 * the notification's id lets the receiving side spot it.
 *
 * <p>The outbox also recognises a notification submitted again with an id it holds, as the pipeline does when it
 * decides a notification again after a crash, and ignores it: an id is held while any delivery of it is pending,
 * and for the {@linkplain OutboxBuilder#dedupWindow dedup window} after the last one ended, across restarts.
 *
 * <p>Nothing is dropped for want of a channel. While no plugin provides an integration's channel type, its queue
 * waits ({@link QueueState#WAITING_FOR_CHANNEL_TYPE}) and goes on when the type comes back. A notification for a
 * receiver the directory does not know is kept whole until the receiver appears, then split by its integrations
 * (behind anything submitted for the receiver in the meantime).
 * A queue whose receiver or integration is missing from the configuration waits for the grace period
 * ({@link OutboxBuilder#receiverGrace}, one hour by default, counted from when this process noticed) and then
 * marks its notifications failed, each with the reason in the history. A receiver configured with no
 * integrations discards its notifications, as in Alertmanager.
 *
 * <p>Every attempt is recorded in the {@link #history()}. Segment files whose deliveries have all ended are
 * removed by a periodic maintenance task. Thread-safe.
 */
public final class Outbox implements NotificationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxLog log;
    private final NotificationHistory history;
    private final OutboxMeters meters;
    private final Dispatcher dispatcher;
    private final OutboxSettings settings;
    private final @Nullable ExecutorService ownExecutor;
    private final Registration directoryListener;
    private final Registration maintenance;
    private boolean closed;

    Outbox(OutboxLog log, NotificationHistory history, OutboxMeters meters, Dispatcher dispatcher, OutboxSettings settings,
            @Nullable ExecutorService ownExecutor, ChannelDirectory directory, Scheduler scheduler) {
        this.log = log;
        this.history = history;
        this.meters = meters;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.ownExecutor = ownExecutor;
        this.directoryListener = directory.onChange(dispatcher::pumpAll);
        this.maintenance = scheduler.scheduleWithFixedDelay(this::maintain, settings.maintenanceInterval(), settings.maintenanceInterval());
    }

    /**
     * Starts building an outbox kept under {@code dataDir} (in its {@code outbox} and {@code history}
     * directories), delivering to the channels {@code directory} names and timing retries with {@code scheduler}.
     */
    public static OutboxBuilder builder(Path dataDir, ChannelDirectory directory, Scheduler scheduler) {
        return new OutboxBuilder(requireNonNull(dataDir, "dataDir is null"), requireNonNull(directory, "directory is null"),
                requireNonNull(scheduler, "scheduler is null"));
    }

    /**
     * Writes {@code notification} durably for each integration of its receiver and returns; delivery follows on
     * the workers. A notification whose id the outbox holds (see above) is not written again: it is counted in the
     * {@code vigil.alerting.outbox.duplicates} meter and logged at debug level.
     *
     * @throws java.io.UncheckedIOException if it could not be written; nothing of it will be delivered
     * @throws IllegalStateException if the outbox is closed
     */
    @Override
    public void submit(Notification notification) {
        dispatcher.submit(requireNonNull(notification, "notification is null"));
    }

    /** The queues, counts by outcome and the log's size. */
    public OutboxStatus status() {
        return dispatcher.status();
    }

    /** Every delivery not ended yet, oldest first, with what it waits for. */
    public List<PendingDelivery> pending() {
        return dispatcher.pending();
    }

    /** The record of every attempt, for queries. */
    public NotificationHistory history() {
        return history;
    }

    /**
     * Removes settled segment files and applies the history's retention. Runs every
     * {@link OutboxBuilder#maintenanceInterval}; callable at any time.
     */
    public void maintain() {
        dispatcher.compact();
        history.enforceRetention();
    }

    /**
     * Stops delivering: waits up to the close timeout for attempts under way to end and be recorded, then closes
     * the files and removes the meters. What is not delivered yet is delivered after the next start.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        directoryListener.close();
        maintenance.close();
        dispatcher.close(settings.closeTimeout());
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                if (!ownExecutor.awaitTermination(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    ownExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("Could not close the outbox log", e);
        }
        history.close();
        meters.close();
    }
}
