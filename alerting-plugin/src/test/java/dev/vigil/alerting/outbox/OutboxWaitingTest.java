package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.NotificationChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications whose channel type or receiver is missing wait, and are reported; none is dropped silently. */
class OutboxWaitingTest {

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
    void notificationsWaitWhileTheChannelTypeIsMissingAndGoWhenItComesBack() {
        fixture.directory.put("team", List.of(ChannelIntegration.unavailable("custom[0]", "custom")));
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        outbox.submit(Notifications.firing("n2", "team"));

        assertThat(fixture.advance(Duration.ofDays(3))).isZero();
        QueueStatus queue = outbox.status().queues().get(0);
        assertThat(queue.state()).isEqualTo(QueueState.WAITING_FOR_CHANNEL_TYPE);
        assertThat(queue.reason()).isEqualTo("waiting for channel type custom");
        assertThat(queue.pending()).isEqualTo(2);
        assertThat(outbox.pending()).extracting(PendingDelivery::state).containsOnly(QueueState.WAITING_FOR_CHANNEL_TYPE);

        TestingChannel channel = new TestingChannel();
        fixture.directory.put("team", List.of(ChannelIntegration.available("custom[0]", "custom", channel)));
        fixture.deliver();

        assertThat(channel.delivered()).containsExactly("n1", "n2");
        assertThat(outbox.status().queues().get(0).state()).isEqualTo(QueueState.IDLE);
    }

    @Test
    void aChannelTypeThatDisappearsMidwayHoldsItsQueueAcrossARestart() {
        TestingChannel first = new TestingChannel();
        fixture.directory.put("team", List.of(ChannelIntegration.available("custom[0]", "custom", first)));
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();

        List<NotificationChannel> removed = fixture.directory.removeChannelType("custom");
        assertThat(removed).containsExactly(first);
        outbox.submit(Notifications.firing("n2", "team"));
        fixture.deliver();
        assertThat(outbox.pending()).extracting(PendingDelivery::reason).containsExactly("waiting for channel type custom");

        outbox.close();
        Outbox restarted = fixture.open();
        assertThat(restarted.pending()).extracting(PendingDelivery::notificationId).containsExactly("n2");

        TestingChannel second = new TestingChannel();
        fixture.directory.put("team", List.of(ChannelIntegration.available("custom[0]", "custom", second)));
        fixture.deliver();
        assertThat(first.delivered()).containsExactly("n1");
        assertThat(second.delivered()).containsExactly("n2");
    }

    @Test
    void aRemovedReceiverThatReturnsWithinTheGraceGetsItsNotifications() {
        TestingChannel channel = new TestingChannel().failTimes(1);
        fixture.receiver("team", channel);
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        fixture.deliver();

        fixture.directory.remove("team");
        fixture.advance(Duration.ofSeconds(1));
        PendingDelivery waiting = outbox.pending().get(0);
        assertThat(waiting.state()).isEqualTo(QueueState.WAITING_FOR_RECEIVER);
        assertThat(waiting.reason()).startsWith("receiver team is not configured; its notifications are marked failed at 2026-01-01T01:00:00Z");

        fixture.advance(Duration.ofMinutes(59));
        fixture.receiver("team", channel);
        fixture.deliver();
        assertThat(channel.delivered()).containsExactly("n1");
    }

    @Test
    void aReceiverGoneLongerThanTheGraceHasItsNotificationsMarkedFailedWithTheReason() {
        fixture.receiver("team", new TestingChannel().failTimes(1));
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "team"));
        outbox.submit(Notifications.firing("n2", "team"));
        fixture.deliver();
        fixture.directory.put("team", List.of(ChannelIntegration.available("email[0]", "email", new TestingChannel())));

        fixture.advance(Duration.ofMinutes(59));
        assertThat(outbox.pending()).hasSize(2);
        assertThat(outbox.pending().get(0).reason()).startsWith("integration webhook[0] of receiver team is not configured");

        fixture.advance(Duration.ofMinutes(1));
        assertThat(outbox.pending()).isEmpty();
        List<HistoryEntry> history = OutboxFixture.history(outbox);
        assertThat(history).extracting(HistoryEntry::notificationId, HistoryEntry::outcome, HistoryEntry::attempt).containsExactly(
                tuple("n2", DeliveryResult.Outcome.FAILED, 0),
                tuple("n1", DeliveryResult.Outcome.FAILED, 1),
                tuple("n1", DeliveryResult.Outcome.RETRY, 1));
        assertThat(history.get(0).detail()).isEqualTo("integration webhook[0] of receiver team is not configured (waited PT1H)");

        outbox.close();
        assertThat(fixture.open().pending()).as("settled for good, also after a restart").isEmpty();
    }

    @Test
    void aNotificationForAnUnknownReceiverIsKeptWholeUntilTheReceiverAppears() {
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "later"));
        fixture.deliver();
        assertThat(outbox.pending()).extracting(PendingDelivery::integration, PendingDelivery::state)
                .containsExactly(tuple("", QueueState.WAITING_FOR_RECEIVER));

        outbox.close();
        outbox = fixture.open();
        TestingChannel webhook = new TestingChannel();
        TestingChannel slack = new TestingChannel();
        fixture.directory.put("later", List.of(ChannelIntegration.available("webhook[0]", "webhook", webhook),
                ChannelIntegration.available("slack[0]", "slack", slack)));
        fixture.deliver();

        assertThat(webhook.delivered()).containsExactly("n1");
        assertThat(slack.delivered()).containsExactly("n1");
        outbox.close();
        assertThat(fixture.open().pending()).isEmpty();
        assertThat(webhook.attempts()).hasSize(1);
    }

    @Test
    void aNotificationForAReceiverNeverConfiguredFailsAfterTheGrace() {
        Outbox outbox = fixture.open();
        outbox.submit(Notifications.firing("n1", "nobody"));

        fixture.advance(Duration.ofHours(1));

        assertThat(outbox.pending()).isEmpty();
        HistoryEntry entry = OutboxFixture.history(outbox).get(0);
        assertThat(entry.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(entry.integration()).isEmpty();
        assertThat(entry.detail()).isEqualTo("receiver nobody is not configured (waited PT1H)");
    }
}
