package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

    @TempDir
    Path dir;

    private OutboxFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new OutboxFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aSubmittedNotificationIsDeliveredToEveryIntegrationOfItsReceiver() {
        TestingChannel webhook = new TestingChannel();
        TestingChannel slack = new TestingChannel();
        fixture.directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", webhook),
                ChannelIntegration.available("slack[0]", "slack", slack)));
        Outbox outbox = fixture.open();
        Notification n = Notifications.firing("n1", "team");

        outbox.submit(n);

        assertThat(outbox.status().pending()).isEqualTo(2);
        assertThat(fixture.deliver()).isEqualTo(2);
        assertThat(webhook.delivered()).containsExactly("n1");
        assertThat(slack.delivered()).containsExactly("n1");
        assertThat(outbox.status().pending()).isZero();
        assertThat(outbox.status().attempts()).containsEntry(DeliveryResult.Outcome.DELIVERED, 2L);
    }

    @Test
    void retriesWithBackoffThatDoublesUpToTheMaximum() {
        TestingChannel channel = new TestingChannel().failTimes(8);
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();

        // 1s, 2s, 4s, … doubling to the 60s cap; one millisecond early nothing happens, on time the attempt runs
        long[] waits = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int i = 0; i < waits.length; i++) {
            QueueStatus queue = outbox.status().queues().get(0);
            assertThat(queue.state()).isEqualTo(QueueState.BACKING_OFF);
            assertThat(queue.nextAttemptAt()).contains(fixture.clock.instant().plusSeconds(waits[i]));
            assertThat(fixture.advance(Duration.ofSeconds(waits[i]).minusMillis(1))).as("attempt %d too early", i + 2).isZero();
            assertThat(fixture.advance(Duration.ofMillis(1))).as("attempt %d on time", i + 2).isEqualTo(1);
        }

        assertThat(channel.attempts()).hasSize(9);
        assertThat(channel.delivered()).containsExactly("n1");
        List<HistoryEntry> history = OutboxFixture.history(outbox);
        assertThat(history).extracting(HistoryEntry::attempt).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(history.get(0).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(history.get(1).outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(history.get(1).detail()).isEqualTo("HTTP 503 Service Unavailable");
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        TestingChannel channel = new TestingChannel().then(DeliveryResult.retryAfter("HTTP 429", Duration.ofSeconds(30)));
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();

        assertThat(fixture.advance(Duration.ofSeconds(29))).isZero();
        assertThat(fixture.advance(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(channel.delivered()).containsExactly("n1");
    }

    @Test
    void anExceptionIsRetriedAndItsDetailKeepsNoSecretFromAUrl() {
        TestingChannel channel = new TestingChannel()
                .thenThrow(new IllegalStateException("POST https://hooks.slack.com/services/T000/B000/XXXXSECRET?token=abc failed"));
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();
        fixture.advance(Duration.ofSeconds(1));

        assertThat(channel.delivered()).containsExactly("n1");
        HistoryEntry failed = OutboxFixture.history(outbox).get(1);
        assertThat(failed.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(failed.detail()).isEqualTo("threw java.lang.IllegalStateException: POST https://hooks.slack.com/<secret> failed");
        assertThat(failed.detail()).doesNotContain("XXXXSECRET", "token=abc");
    }

    @Test
    void aRefusalIsNotRetried() {
        TestingChannel channel = new TestingChannel().then(DeliveryResult.failed("HTTP 400 bad payload"));
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();

        assertThat(fixture.advance(Duration.ofHours(1))).isZero();
        assertThat(channel.attempts()).containsExactly("n1");
        assertThat(outbox.pending()).isEmpty();
        HistoryEntry entry = OutboxFixture.history(outbox).get(0);
        assertThat(entry.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(entry.detail()).isEqualTo("HTTP 400 bad payload");
    }

    @Test
    void notificationsForOneChannelGoInOrderAndWaitBehindARetry() {
        TestingChannel channel = new TestingChannel().failTimes(2);
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        for (int i = 1; i <= 5; i++) {
            outbox.submit(Notifications.firing("n" + i, "team"));
        }
        fixture.deliver();
        fixture.advance(Duration.ofSeconds(1));

        assertThat(channel.attempts()).containsExactly("n1", "n1");
        List<PendingDelivery> pending = outbox.pending();
        assertThat(pending).extracting(PendingDelivery::notificationId).containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(pending.get(1).reason()).startsWith("queued behind notification n1");

        fixture.advance(Duration.ofSeconds(2));
        assertThat(channel.delivered()).containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(channel.attempts()).containsExactly("n1", "n1", "n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void aFailingIntegrationDoesNotHoldBackAnotherOne() {
        TestingChannel broken = new TestingChannel().failTimes(100);
        TestingChannel working = new TestingChannel();
        fixture.directory.put("team", List.of(ChannelIntegration.available("pagerduty[0]", "pagerduty", broken),
                ChannelIntegration.available("email[0]", "email", working)));
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        outbox.submit(Notifications.firing("n2", "team"));
        fixture.deliver();

        assertThat(working.delivered()).containsExactly("n1", "n2");
        assertThat(broken.attempts()).containsExactly("n1");
        assertThat(outbox.pending()).extracting(PendingDelivery::integration).containsOnly("pagerduty[0]");
    }

    @Test
    void aReceiverWithoutIntegrationsDiscardsItsNotifications() {
        fixture.directory.put("blackhole", List.of());
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "blackhole"));

        assertThat(outbox.pending()).isEmpty();
        assertThat(fixture.registry.get("vigil.alerting.outbox.discarded").counter().count()).isEqualTo(1);
    }

    @Test
    void historyRecordsWhatWasSentToWhom() {
        fixture.receiver("team", new TestingChannel());
        Outbox outbox = fixture.open();
        Instant sent = fixture.clock.instant();
        outbox.submit(Notifications.resolved("n1", "team"));
        fixture.deliver();

        HistoryEntry entry = OutboxFixture.history(outbox).get(0);
        assertThat(entry.notificationId()).isEqualTo("n1");
        assertThat(entry.receiver()).isEqualTo("team");
        assertThat(entry.integration()).isEqualTo("webhook[0]");
        assertThat(entry.channelType()).isEqualTo("webhook");
        assertThat(entry.status().wireName()).isEqualTo("resolved");
        assertThat(entry.alertNames()).containsExactly("DiskFull");
        assertThat(entry.fingerprints()).containsExactly("fp-1", "fp-2");
        assertThat(entry.groupKey()).isEqualTo("{}:{alertname=\"DiskFull\"}");
        assertThat(entry.attempt()).isEqualTo(1);
        assertThat(entry.at()).isEqualTo(sent);
        assertThat(entry.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
    }

    @Test
    void metersShowQueuesAndOutcomesAndAreRemovedOnClose() {
        TestingChannel channel = new TestingChannel().failTimes(1);
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        outbox.submit(Notifications.firing("n2", "team"));
        fixture.deliver();
        fixture.clock.advance(Duration.ofMillis(500));

        var registry = fixture.registry;
        assertThat(registry.get("vigil.alerting.outbox.queue.pending").tag("receiver", "team").tag("integration", "webhook[0]").gauge().value())
                .isEqualTo(2);
        assertThat(registry.get("vigil.alerting.outbox.oldest.age").timeGauge().value(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(registry.get("vigil.alerting.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(registry.get("vigil.alerting.notification.attempts").tag("outcome", "retry").counter().count()).isEqualTo(1);

        fixture.advance(Duration.ofMillis(500));
        assertThat(registry.get("vigil.alerting.notification.attempts").tag("outcome", "delivered").counter().count()).isEqualTo(2);
        assertThat(registry.get("vigil.alerting.outbox.pending").gauge().value()).isZero();
        assertThat(registry.get("vigil.alerting.notification.delivery.latency").timer().count()).isEqualTo(2);

        outbox.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void aClosedOutboxRefusesNotifications() {
        Outbox outbox = fixture.open();
        outbox.close();

        assertThatThrownBy(() -> outbox.submit(Notifications.firing("n1", "team"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecondOutboxOnTheSameDirectoryIsRefused() {
        fixture.open();

        assertThatThrownBy(fixture::open).hasRootCauseMessage("the outbox in " + dir.resolve("outbox") + " is open in another process or instance");
    }
}
