package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One attempt to deliver a pending delivery over an integration's channel.
 *
 * @param lane the delivery's lane
 * @param entry the delivery
 * @param integration the integration as the directory had it when the attempt was decided
 * @param number the attempt's number for this delivery, from 1
 */
record Attempt(Lane lane, PendingEntry entry, ChannelIntegration integration, int number) {

    /** How an attempt went, and when. */
    record Outcome(DeliveryResult result, Instant start, Duration elapsed) {}

    /**
     * Calls the channel. Whatever it throws counts as worth retrying: a plugin undeployed under an attempt shows
     * as a linkage error, and may be back later. Other errors propagate.
     */
    Outcome run(Clock clock) {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        DeliveryResult result;
        try {
            DeliveryResult returned = integration.channel().orElseThrow().deliver(entry.notification);
            result = returned != null ? returned : DeliveryResult.retry("the channel returned no result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = DeliveryResult.retry("interrupted");
        } catch (Exception | LinkageError e) {
            result = DeliveryResult.retry(DeliveryDetails.of(e));
        }
        return new Outcome(result, start, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** The history entry for a delivery's attempt (or its end without one, as attempt {@code number}). */
    static HistoryEntry history(Lane lane, PendingEntry entry, int number, DeliveryResult.Outcome outcome, String detail, Instant at,
            Duration elapsed) {
        Notification n = entry.notification;
        List<String> names = n.alerts().stream().map(Alert::name).distinct().toList();
        List<String> fingerprints = n.alerts().stream().map(Alert::fingerprint).toList();
        return new HistoryEntry(at, n.id(), lane.receiver, lane.integration, lane.channelType, n.status(), n.groupKey(), names, fingerprints,
                number, outcome, detail, elapsed);
    }
}
