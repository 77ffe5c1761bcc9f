package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.metrics.LabelMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's state survives a crash: nothing is lost, and nothing is repeated that Alertmanager would not. */
class RestartTest {

    private static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route: {receiver: team, group_by: [alertname], repeat_interval: 1h}
            receivers: [{name: team}]
            """;

    @TempDir
    Path dir;

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Test
    void whatWasSentIsNotSentAgainAfterACrash() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            assertThat(h.take()).hasSize(1);
            h.advance(m(1));
            h.crash();
            h.clock.advance(m(1));
            h.startAgain();
            assertThat(h.pipeline.alerts(AlertQuery.all())).hasSize(1);
            // The group is formed anew and flushes at once (its alert is older than group_wait), but the
            // notification log says the receiver knows.
            h.advance(Duration.ZERO);
            assertThat(h.take()).isEmpty();
            // Flushes now run at 2m30s + 5m·k; the first more than an hour after the notification is at 62m30s.
            h.advanceTo(h.at(m(62)));
            assertThat(h.take()).isEmpty();
            h.advance(s(30));
            assertThat(h.take()).as("the repeat").singleElement()
                    .satisfies(n -> assertThat(n.createdAt()).isEqualTo(h.at(m(62).plusSeconds(30))));
        }
    }

    @Test
    void anAlertReceivedBeforeACrashIsNotifiedAfterIt() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(10));
            h.crash();
            h.clock.advance(m(1));
            h.startAgain();
            h.advance(Duration.ZERO);
            assertThat(h.take()).singleElement().satisfies(n -> {
                assertThat(n.createdAt()).isEqualTo(h.at(s(70)));
                assertThat(n.alerts().get(0).startsAt()).isEqualTo(h.start);
            });
            h.advance(m(30));
            assertThat(h.take()).isEmpty();
        }
    }

    @Test
    void aNotificationDecidedAgainBecauseTheLogWasNotSavedHasTheSameId() throws IOException {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            Notification sent = h.take().get(0);
            h.crash();
            // As if the process died after the outbox took the notification but before the log was written.
            Files.delete(dir.resolve("notification-log.json"));
            h.clock.advance(s(5));
            h.startAgain();
            h.advance(Duration.ZERO);
            Notification again = h.take().get(0);
            assertThat(again.id()).as("the outbox recognises the repeat").isEqualTo(sent.id());
            assertThat(again.alerts()).isEqualTo(sent.alerts());
        }
    }

    @Test
    void aResolutionReceivedBeforeACrashIsNotifiedOnceAfterIt() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            h.take();
            h.advance(m(2));
            h.resolve(start, "alertname", "Down", "instance", "a");
            h.advance(m(1));
            h.crash();
            h.clock.advance(m(1));
            h.startAgain();
            h.advance(m(30));
            assertThat(h.take()).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
                assertThat(n.createdAt()).isEqualTo(h.at(s(270)));
            });
            assertThat(h.pipeline.alerts(AlertQuery.all())).isEmpty();
        }
    }

    @Test
    void aFiringAlertIsNotReportedResolvedBecauseThePlatformWasDown() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                route: {receiver: team, group_by: [alertname]}
                receivers: [{name: team}]
                """)) {
            h.fire("alertname", "Down");
            h.advance(s(30));
            h.take();
            h.advance(m(1));
            h.crash();
            h.clock.advance(m(10));
            h.startAgain();
            h.advance(Duration.ZERO);
            assertThat(h.take()).as("the alert gets a fresh resolve timeout").isEmpty();
            h.advance(m(4));
            h.fire("alertname", "Down");
            h.advance(m(4));
            assertThat(h.take()).as("its sender confirmed it").isEmpty();
            h.advance(m(10));
            assertThat(h.take()).as("and then stopped sending it").singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
                assertThat(n.alerts().get(0).endsAt()).contains(h.at(m(20).plusSeconds(30)));
            });
        }
    }

    @Test
    void silencesAcknowledgementsAndEscalationsSurvive() {
        try (PipelineHarness h = new PipelineHarness(dir, EscalationTest.CONFIG)) {
            Instant start = h.clock.instant();
            Silence silence = h.pipeline.createSilence(SilenceRequest.between(
                    List.of(LabelMatcher.equal("alertname", "Muted")), start, h.at(Duration.ofHours(3)), "ann", "x"));
            h.fire("alertname", "Muted", "team", "db");
            h.fire("alertname", "DbDown", "team", "db", "instance", "a");
            h.fire("alertname", "DbDown", "team", "db", "instance", "b");
            h.advance(m(11));
            assertThat(h.take()).extracting(Notification::receiver).containsExactly("team", "lead");
            String a = h.pipeline.alerts(AlertQuery.all()).stream()
                    .filter(v -> "a".equals(v.alert().labels().get("instance"))).findFirst().orElseThrow()
                    .alert().fingerprint();
            h.pipeline.acknowledge(a, "dba", "", Optional.empty());
            h.crash();
            h.clock.advance(m(1));
            h.startAgain();
            assertThat(h.pipeline.silence(silence.id())).contains(silence);
            assertThat(h.pipeline.acknowledgements()).singleElement()
                    .satisfies(ack -> assertThat(ack.fingerprint()).isEqualTo(a));
            assertThat(h.pipeline.groups(AlertQuery.all().withFilter(
                    dev.vigil.alerting.notify.match.Matchers.parse("alertname=DbDown")))).singleElement()
                    .satisfies(g -> assertThat(g.escalatedTo()).containsExactly("lead"));
            h.advanceTo(h.at(m(31)));
            assertThat(h.take()).as("b is unacknowledged, so the director hears at 30m30s").extracting(
                    n -> n.receiver() + " " + Duration.between(start, n.createdAt()))
                    .containsExactly("director PT30M30S");
            h.resolve(start, "alertname", "DbDown", "team", "db", "instance", "a");
            h.resolve(start, "alertname", "DbDown", "team", "db", "instance", "b");
            h.advance(m(6));
            assertThat(h.take()).extracting(Notification::receiver).containsExactly("team", "lead", "director");
        }
    }

    @Test
    void aCleanStopSavesEverything() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            h.take();
            h.stop();
            h.startAgain();
            h.advance(m(10));
            assertThat(h.take()).isEmpty();
            assertThat(h.pipeline.alerts(AlertQuery.all())).hasSize(1);
        }
    }

    @Test
    void anUnreadableStateFileIsMovedAsideAndTheRestLoads() throws IOException {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.pipeline.createSilence(SilenceRequest.between(List.of(LabelMatcher.equal("x", "y")), h.start,
                    h.at(Duration.ofHours(1)), "ann", ""));
            h.crash();
            Files.writeString(dir.resolve("alerts.json"), "{not json");
            h.startAgain();
            assertThat(h.pipeline.alerts(AlertQuery.all())).isEmpty();
            assertThat(h.pipeline.silences()).hasSize(1);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anySatisfy(name -> assertThat(name).startsWith("alerts.json.unreadable"));
            }
        }
    }
}
