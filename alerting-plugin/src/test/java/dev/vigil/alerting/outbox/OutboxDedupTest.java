package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.channel.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification submitted again with the same id (as the pipeline does when it decides it again after a crash) is
 * delivered once: while it is pending, and for the dedup window after it ended, before and after a restart.
 */
class OutboxDedupTest {

    @TempDir
    Path dir;

    @Test
    void aDeliveredNotificationSubmittedAgainAfterARestartIsNotDeliveredAgain() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            outbox.close();

            Outbox restarted = fixture.open();
            try (LogCapture log = new LogCapture()) {
                restarted.submit(Notifications.firing("n1", "team"));
                assertThat(log.text()).contains("Notification n1 for receiver team is already in the outbox (its deliveries ended at "
                        + fixture.clock.instant() + "); not written again");
            }
            restarted.submit(Notifications.firing("n2", "team"));
            fixture.deliver();

            assertThat(channel.attempts()).containsExactly("n1", "n2");
            assertThat(restarted.pending()).isEmpty();
            assertThat(duplicates(fixture)).isEqualTo(1);
            assertThat(submitted(fixture)).as("counted since the restart").isEqualTo(1);
        }
    }

    @Test
    void aNotificationSubmittedAgainWhilePendingIsDeliveredOnce() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel().failTimes(1);
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();

            outbox.submit(Notifications.firing("n1", "team"));
            assertThat(outbox.pending()).hasSize(1);
            assertThat(duplicates(fixture)).isEqualTo(1);
            outbox.close();
            Outbox restarted = fixture.open();
            restarted.submit(Notifications.firing("n1", "team"));
            assertThat(restarted.pending()).as("pending after the restart, and still only once").hasSize(1);
            fixture.deliver();

            assertThat(channel.attempts()).containsExactly("n1", "n1");
            assertThat(channel.delivered()).containsExactly("n1");
            assertThat(duplicates(fixture)).as("counted since the restart").isEqualTo(1);
        }
    }

    @Test
    void aNotificationHalfDeliveredIsHeldAsAWholeAcrossARestart() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel webhook = new TestingChannel();
            TestingChannel slack = new TestingChannel();
            fixture.directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", webhook),
                    ChannelIntegration.unavailable("slack[0]", "slack")));
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            assertThat(webhook.delivered()).containsExactly("n1");
            outbox.close();

            fixture.directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", webhook),
                    ChannelIntegration.available("slack[0]", "slack", slack)));
            Outbox restarted = fixture.open();
            restarted.submit(Notifications.firing("n1", "team"));
            fixture.deliver();

            assertThat(webhook.attempts()).containsExactly("n1");
            assertThat(slack.attempts()).containsExactly("n1");
            assertThat(duplicates(fixture)).isEqualTo(1);
        }
    }

    @Test
    void aNotificationWaitingForItsReceiverIsHeldToo() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "later"));
            outbox.submit(Notifications.firing("n1", "later"));

            TestingChannel channel = new TestingChannel();
            fixture.receiver("later", channel);
            fixture.deliver();
            outbox.submit(Notifications.firing("n1", "later"));
            fixture.deliver();

            assertThat(channel.attempts()).containsExactly("n1");
            assertThat(duplicates(fixture)).isEqualTo(2);
        }
    }

    @Test
    void theIdIsKeptOnFileForTheWindowAfterItsDeliveryEndedThenForgotten() throws IOException {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open(b -> b.segmentMaxAge(Duration.ofMinutes(10)).dedupWindow(Duration.ofHours(2)));
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            fixture.clock.advance(Duration.ofHours(1));
            outbox.maintain();
            assertThat(segments()).as("the segment with n1 is sealed but kept for the window").hasSize(2);
            outbox.close();

            outbox = fixture.open(b -> b.segmentMaxAge(Duration.ofMinutes(10)).dedupWindow(Duration.ofHours(2)));
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            assertThat(channel.attempts()).as("an hour after it was delivered").containsExactly("n1");

            fixture.clock.advance(Duration.ofHours(1));
            outbox.maintain();
            assertThat(segments()).as("the window has passed: the segment goes").hasSize(1);
            outbox.close();
            outbox = fixture.open(b -> b.segmentMaxAge(Duration.ofMinutes(10)).dedupWindow(Duration.ofHours(2)));
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();

            assertThat(channel.attempts()).as("two hours after: a new notification as far as the outbox knows").containsExactly("n1", "n1");
            assertThat(duplicates(fixture)).isZero();
        }
    }

    @Test
    void withoutARestartTheIdIsForgottenWhenTheWindowHasPassed() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open(b -> b.dedupWindow(Duration.ofMinutes(30)));
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();

            fixture.clock.advance(Duration.ofMinutes(29));
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            assertThat(channel.attempts()).containsExactly("n1");

            fixture.clock.advance(Duration.ofMinutes(1));
            outbox.maintain();
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            assertThat(channel.attempts()).containsExactly("n1", "n1");
        }
    }

    private static double duplicates(OutboxFixture fixture) {
        return fixture.registry.get("vigil.alerting.outbox.duplicates").counter().count();
    }

    private static double submitted(OutboxFixture fixture) {
        return fixture.registry.get("vigil.alerting.outbox.submitted").counter().count();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }
}
