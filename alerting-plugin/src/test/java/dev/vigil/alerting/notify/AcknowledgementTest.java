package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.alerting.notify.config.NotifyConfigException;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcknowledgementTest {

    private static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route: {receiver: team, group_by: [alertname], repeat_interval: 1h}
            receivers: [{name: team}]
            """;

    @TempDir
    Path dir;

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static String fingerprint(PipelineHarness h, String instance) {
        return h.pipeline.alerts(AlertQuery.all()).stream()
                .filter(v -> instance.equals(v.alert().labels().get("instance")))
                .findFirst().orElseThrow().alert().fingerprint();
    }

    @Test
    void anAcknowledgedAlertStopsRepeatingButStillResolves() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "Down", "instance", "a");
            h.advance(Duration.ofSeconds(30));
            assertThat(h.take()).hasSize(1);
            h.advance(m(10));
            Ack ack = h.pipeline.acknowledge(fingerprint(h, "a"), "bob", "on it", Optional.empty()).orElseThrow();
            assertThat(ack.by()).isEqualTo("bob");
            assertThat(h.pipeline.acknowledgements()).containsExactly(ack);
            assertThat(h.pipeline.alerts(AlertQuery.all()).get(0).acknowledgement()).contains(ack);
            assertThat(h.pipeline.alerts(AlertQuery.all().withStates(true, true, true, false))).isEmpty();
            h.advance(Duration.ofHours(3));
            assertThat(h.take()).as("no repeats").isEmpty();
            h.resolve(start, "alertname", "Down", "instance", "a");
            h.advance(m(5));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED));
            assertThat(h.pipeline.acknowledgements()).isEmpty();
        }
    }

    @Test
    void repeatsResumeWhenTheAcknowledgementExpires() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(Duration.ofSeconds(30));
            h.take();
            h.pipeline.acknowledge(fingerprint(h, "a"), "bob", "", Optional.of(h.at(m(90))));
            h.advanceTo(h.at(m(90)));
            assertThat(h.take()).isEmpty();
            h.advance(Duration.ofSeconds(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.createdAt()).isEqualTo(h.at(m(90).plusSeconds(30))));
        }
    }

    @Test
    void aNewAlertInAnAcknowledgedGroupIsNotifiedAndRepeatsTheGroup() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(Duration.ofSeconds(30));
            Notification first = h.take().get(0);
            assertThat(h.pipeline.acknowledgeGroup(first.groupKey(), "bob", "", Optional.empty())).hasSize(1);
            h.advance(m(20));
            h.fire("alertname", "Down", "instance", "b");
            h.advance(m(5));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(2));
            h.advanceTo(h.at(m(85).plusSeconds(30)));
            assertThat(h.take()).isEmpty();
            h.advance(m(5));
            assertThat(h.take()).as("b is not acknowledged, so the group repeats").hasSize(1);
        }
    }

    @Test
    void withdrawingTheAcknowledgementResumesRepeats() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(Duration.ofSeconds(30));
            Notification first = h.take().get(0);
            h.pipeline.acknowledgeGroup(first.groupKey(), "bob", "", Optional.empty());
            h.advance(Duration.ofHours(2));
            assertThat(h.take()).isEmpty();
            assertThat(h.pipeline.unacknowledgeGroup(first.groupKey())).hasSize(1);
            h.advance(m(5));
            assertThat(h.take()).hasSize(1);
            assertThat(h.pipeline.unacknowledge(fingerprint(h, "a"))).isEmpty();
        }
    }

    @Test
    void unknownAlertsAndBadRequestsAreRefused() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            assertThat(h.pipeline.acknowledge("0123456789abcdef", "bob", "", Optional.empty())).isEmpty();
            assertThat(h.pipeline.acknowledgeGroup("{}:{alertname=\"Nope\"}", "bob", "", Optional.empty())).isEmpty();
            h.fire("alertname", "Down", "instance", "a");
            assertThatThrownBy(() -> h.pipeline.acknowledge(fingerprint(h, "a"), "", "", Optional.empty()))
                    .isInstanceOf(NotifyConfigException.class).hasMessageContaining("missing author");
            assertThatThrownBy(() -> h.pipeline.acknowledge("not-hex", "bob", "", Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(h.pipeline.acknowledgements()).isEqualTo(List.of());
        }
    }
}
