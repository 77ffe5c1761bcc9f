package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves behind, simulated on the files: every committed notification is delivered, none twice when its end was recorded. */
class OutboxRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aRestartDeliversWhatWasPendingOnceAndNothingThatWasDelivered() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel().failTimes(2);
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            fixture.advance(Duration.ofSeconds(1));
            outbox.close();

            Outbox restarted = fixture.open();
            fixture.receiver("team", channel);
            fixture.deliver();

            assertThat(channel.attempts()).containsExactly("n1", "n1", "n1");
            assertThat(channel.delivered()).containsExactly("n1");
            assertThat(OutboxFixture.history(restarted).get(0).attempt()).as("the attempt count goes on after a restart").isEqualTo(3);
            restarted.close();
            fixture.open();
            fixture.deliver();
            assertThat(channel.attempts()).hasSize(3);
        }
    }

    @Test
    void aNotificationComesBackWhole() {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            fixture.directory.put("team", List.of(ChannelIntegration.unavailable("webhook[0]", "webhook")));
            Outbox outbox = fixture.open();
            var original = Notifications.resolved("n1", "team");
            outbox.submit(original);
            outbox.close();

            List<Notification> received = new ArrayList<>();
            TestingChannel channel = new TestingChannel().thenDo(n -> {
                received.add(n);
                return DeliveryResult.delivered("ok");
            });
            fixture.open();
            fixture.receiver("team", channel);
            fixture.deliver();

            assertThat(received).containsExactly(original);
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndEverythingBeforeItIsDeliveredOnce() throws IOException {
        long committed;
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            fixture.directory.put("team", List.of(ChannelIntegration.unavailable("webhook[0]", "webhook")));
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            outbox.submit(Notifications.firing("n2", "team"));
            committed = Files.size(onlySegment());
            outbox.submit(Notifications.firing("n3", "team"));
            long full = Files.size(onlySegment());
            outbox.close();
            truncate(onlySegment(), committed + (full - committed) / 2);
        }
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            assertThat(Files.size(onlySegment())).as("the torn record is cut off").isEqualTo(committed);
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1", "n2");
            assertThat(fixture.registry.get("vigil.alerting.outbox.recovery.bad.records").counter().count()).isEqualTo(1);

            outbox.submit(Notifications.firing("n4", "team"));
            fixture.deliver();
            outbox.close();
            fixture.open();
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1", "n2", "n4");
        }
    }

    @Test
    void aTailOfZerosIsCutOff() throws IOException {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            fixture.directory.put("team", List.of(ChannelIntegration.unavailable("webhook[0]", "webhook")));
            fixture.open().submit(Notifications.firing("n1", "team"));
        }
        long size = Files.size(onlySegment());
        Files.write(onlySegment(), new byte[4096], StandardOpenOption.APPEND);
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            fixture.open();
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1");
            assertThat(Files.size(onlySegment())).isGreaterThan(size).isLessThan(size + 4096);
        }
    }

    @Test
    void aCrashWhileTheEndOfADeliveryIsWrittenSendsItAgainWithTheSameId() throws IOException {
        long beforeEnd;
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            outbox.submit(Notifications.firing("n1", "team"));
            beforeEnd = Files.size(onlySegment());
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1");
            outbox.close();
        }
        truncate(onlySegment(), beforeEnd + 5);
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            fixture.open();
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1");
        }
    }

    @Test
    void aCrashBetweenTheChannelAcceptingAndTheRecordDeliversAgainWithTheSameId() {
        Path snapshot = dir.resolve("snapshot");
        Path live = dir.resolve("live");
        try (OutboxFixture fixture = new OutboxFixture(live)) {
            // the files as they are at the moment the channel has accepted, before the outbox records it: what
            // kill -9 at that moment leaves, since every write before it was forced
            TestingChannel channel = new TestingChannel().thenDo(n -> {
                copy(live, snapshot);
                return DeliveryResult.delivered("HTTP 200");
            });
            fixture.receiver("team", channel);
            fixture.open().submit(Notifications.firing("n1", "team"));
            fixture.deliver();
            assertThat(channel.delivered()).containsExactly("n1");
        }
        try (OutboxFixture fixture = new OutboxFixture(snapshot)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            Outbox outbox = fixture.open();
            fixture.deliver();
            assertThat(channel.delivered()).as("at least once: sent again, with the same id").containsExactly("n1");
            // the history of the first attempt is written after its record, so the crash took it too
            assertThat(OutboxFixture.history(outbox)).extracting(HistoryEntry::notificationId, HistoryEntry::outcome)
                    .containsExactly(tuple("n1", DeliveryResult.Outcome.DELIVERED));
        }
        try (OutboxFixture fixture = new OutboxFixture(live)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            fixture.open();
            fixture.deliver();
            assertThat(channel.attempts()).as("recorded as delivered: not sent again").isEmpty();
        }
    }

    @Test
    void aCorruptRecordInASealedSegmentLosesOnlyWhatFollowsItInThatSegment() throws IOException {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            fixture.directory.put("team", List.of(ChannelIntegration.unavailable("webhook[0]", "webhook")));
            Outbox outbox = fixture.open(b -> b.segmentBytes(4096));
            for (int i = 0; i < 30; i++) {
                outbox.submit(Notifications.firing("n" + i, "team"));
            }
        }
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(2);
        long firstLength = Files.size(segments.get(0));
        flipByte(segments.get(0), firstLength - 20);
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel channel = new TestingChannel();
            fixture.receiver("team", channel);
            fixture.open(b -> b.segmentBytes(4096));
            fixture.deliver();
            List<String> all = IntStream.range(0, 30).mapToObj(i -> "n" + i).toList();
            List<String> lost = new ArrayList<>(all);
            lost.removeAll(channel.delivered());
            assertThat(lost).as("only the record the flipped byte is in").hasSize(1);
            assertThat(channel.delivered()).isEqualTo(all.stream().filter(id -> !lost.contains(id)).toList());
            assertThat(fixture.registry.get("vigil.alerting.outbox.recovery.bad.records").counter().count()).isEqualTo(1);
            assertThat(Files.size(segments.get(0))).as("a sealed segment is not cut").isEqualTo(firstLength);
        }
    }

    @Test
    void settledSegmentsAreRemovedAndLongPendingDeliveriesAreCarriedForward() throws IOException {
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel working = new TestingChannel();
            fixture.directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", working)));
            fixture.directory.put("stuck", List.of(ChannelIntegration.unavailable("custom[0]", "custom")));
            Outbox outbox = fixture.open(b -> b.segmentBytes(4096).carryForwardAfter(Duration.ofHours(1)));
            outbox.submit(Notifications.firing("waits", "stuck"));
            for (int i = 0; i < 40; i++) {
                outbox.submit(Notifications.firing("n" + i, "team"));
                fixture.deliver();
            }
            assertThat(working.delivered()).hasSize(40);
            int before = segments().size();
            assertThat(before).isGreaterThan(3);

            outbox.maintain();
            assertThat(segments()).as("the oldest segment holds a pending delivery, so all stay").hasSize(before);

            fixture.clock.advance(Duration.ofHours(1));
            outbox.maintain();
            assertThat(segments()).hasSize(1);
            assertThat(outbox.status().segments()).isEqualTo(1);
            assertThat(outbox.pending()).extracting(PendingDelivery::notificationId).containsExactly("waits");
        }
        try (OutboxFixture fixture = new OutboxFixture(dir)) {
            TestingChannel working = new TestingChannel();
            TestingChannel custom = new TestingChannel();
            fixture.directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", working)));
            fixture.directory.put("stuck", List.of(ChannelIntegration.available("custom[0]", "custom", custom)));
            fixture.open();
            fixture.deliver();
            assertThat(working.attempts()).isEmpty();
            assertThat(custom.delivered()).containsExactly("waits");
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dirOf())) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    private Path dirOf() {
        return dir.resolve("outbox");
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            channel.write(one, offset);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
