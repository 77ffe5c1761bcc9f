package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.AcknowledgementSink;
import dev.vigil.alerting.outbox.ChannelDirectory;
import dev.vigil.alerting.outbox.ChannelIntegration;
import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.alerting.outbox.history.NotificationHistory;
import dev.vigil.api.alerting.AcknowledgingChannel;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a group's acknowledgement on to the receiver's channels that have an acknowledged state of their own
 * ({@link AcknowledgingChannel}: PagerDuty, Opsgenie, or a plugin's), so that the service stops paging for it.
 * Each channel is told on a thread of its own, retried with backoff a few times while it answers {@code RETRY}, and
 * every attempt is recorded in the notification history with the detail prefixed {@code acknowledge:}. An
 * acknowledgement is a courtesy to the receiving service, not a notification: it is not kept in the outbox, so one
 * that cannot be passed on before a restart is lost. Thread-safe.
 */
final class AcknowledgementRelay implements AcknowledgementSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementRelay.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final ChannelDirectory directory;
    private final NotificationHistory history;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ExecutorService executor;

    AcknowledgementRelay(ChannelDirectory directory, NotificationHistory history, Scheduler scheduler, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null");
        this.history = requireNonNull(history, "history is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.clock = requireNonNull(clock, "clock is null");
        ClassLoader loader = AcknowledgementRelay.class.getClassLoader();
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "vigil-alerting-acknowledge");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
    }

    @Override
    public void acknowledged(Notification notification) {
        List<ChannelIntegration> integrations = directory.receiver(notification.receiver()).orElse(List.of());
        for (ChannelIntegration integration : integrations) {
            if (integration.channel().orElse(null) instanceof AcknowledgingChannel) {
                submit(notification, integration, 1);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Notification notification, ChannelIntegration integration, int attempt) {
        try {
            executor.execute(() -> attempt(notification, integration, attempt));
        } catch (RejectedExecutionException closed) {
            LOG.debug("Not passing on the acknowledgement of group {}: the plugin stops", notification.groupKey());
        }
    }

    private void attempt(Notification notification, ChannelIntegration integration, int attempt) {
        // the channel may have been replaced or removed since; use the one configured now
        AcknowledgingChannel channel = directory.receiver(notification.receiver()).orElse(List.of()).stream()
                .filter(i -> i.name().equals(integration.name()))
                .map(i -> i.channel().orElse(null))
                .filter(AcknowledgingChannel.class::isInstance)
                .map(AcknowledgingChannel.class::cast)
                .findFirst().orElse(null);
        if (channel == null) {
            LOG.info("Not passing on the acknowledgement of group {} to {}/{}: the channel is gone", notification.groupKey(),
                    notification.receiver(), integration.name());
            return;
        }
        Instant started = clock.instant();
        DeliveryResult result;
        try {
            result = channel.acknowledge(notification);
        } catch (Exception e) {
            result = DeliveryResult.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        history.record(new HistoryEntry(started, notification.id(), notification.receiver(), integration.name(), integration.type(),
                notification.status(), notification.groupKey(), notification.alerts().stream().map(Alert::name).distinct().toList(),
                notification.alerts().stream().map(Alert::fingerprint).toList(), attempt, result.outcome(),
                "acknowledge: " + result.detail(), Duration.between(started, clock.instant())));
        if (result.outcome() == DeliveryResult.Outcome.RETRY && attempt < MAX_ATTEMPTS) {
            Duration wait = result.retryAfter().orElse(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
            scheduler.schedule(() -> submit(notification, integration, attempt + 1), wait);
        } else if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
            LOG.warn("Could not pass on the acknowledgement of group {} to {}/{}: {}", notification.groupKey(), notification.receiver(),
                    integration.name(), result.detail());
        }
    }
}
