package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.metrics.LabelMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationTest {

    static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route:
              receiver: default
              group_by: [alertname]
              routes:
                - matchers: [team="db"]
                  receiver: team
                  escalation: standard
                  routes:
                    - matchers: [severity="info"]
                      escalation: ''
            escalation_policies:
              - name: standard
                tiers:
                  - {after: 10m, receiver: lead}
                  - {after: 30m, receiver: director}
            receivers: [{name: default}, {name: team}, {name: lead}, {name: director}]
            """;

    @TempDir
    Path dir;

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static List<String> sent(PipelineHarness h) {
        return h.take().stream().map(n -> n.receiver() + " " + n.status().wireName() + " "
                + Duration.between(h.start, n.createdAt())).toList();
    }

    @Test
    void anUnacknowledgedGroupEscalatesTierByTierAndEveryTierHearsTheResolution() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "DbDown", "team", "db");
            h.advance(m(45));
            assertThat(sent(h)).containsExactly("team firing PT30S", "lead firing PT10M30S",
                    "director firing PT30M30S");
            GroupView group = h.pipeline.groups(AlertQuery.all()).get(0);
            assertThat(group.receiver()).isEqualTo("team");
            assertThat(group.escalatedTo()).containsExactly("lead", "director");
            assertThat(group.unacknowledgedSince()).contains(h.at(Duration.ofSeconds(30)));
            h.resolve(start, "alertname", "DbDown", "team", "db");
            h.advance(m(5));
            assertThat(sent(h)).containsExactly("team resolved PT45M30S", "lead resolved PT45M30S",
                    "director resolved PT45M30S");
            h.advance(Duration.ofHours(2));
            assertThat(sent(h)).isEmpty();
        }
    }

    @Test
    void changesAfterEscalationReachEveryTierReached() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db", "instance", "a");
            h.advance(m(11));
            assertThat(sent(h)).containsExactly("team firing PT30S", "lead firing PT10M30S");
            h.fire("alertname", "DbDown", "team", "db", "instance", "b");
            h.advance(m(5));
            List<Notification> both = h.sink.all().subList(2, 4);
            assertThat(both).extracting(Notification::receiver).containsExactly("team", "lead");
            assertThat(both).allSatisfy(n -> assertThat(n.alerts()).hasSize(2));
        }
    }

    @Test
    void anAcknowledgementStopsTheEscalation() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db");
            h.advance(m(5));
            String groupKey = h.pipeline.groups(AlertQuery.all()).get(0).groupKey();
            h.pipeline.acknowledgeGroup(groupKey, "dba", "restarting", Optional.empty());
            h.advance(m(60));
            assertThat(sent(h)).containsExactly("team firing PT30S");
            // Withdrawn at 65m: the clock starts again, so the lead hears 10 minutes later.
            h.pipeline.unacknowledgeGroup(groupKey);
            h.advance(m(11));
            assertThat(sent(h)).containsExactly("lead firing PT1H15M");
        }
    }

    @Test
    void anExpiringAcknowledgementRestartsTheClockWhenItLapses() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db");
            h.advance(m(1));
            String groupKey = h.pipeline.groups(AlertQuery.all()).get(0).groupKey();
            h.pipeline.acknowledgeGroup(groupKey, "dba", "", Optional.of(h.at(m(15))));
            h.advance(m(30));
            assertThat(sent(h)).containsExactly("team firing PT30S", "lead firing PT25M");
        }
    }

    @Test
    void aSilencedGroupDoesNotEscalate() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db");
            h.advance(m(1));
            h.pipeline.createSilence(SilenceRequest.between(List.of(LabelMatcher.equal("alertname", "DbDown")),
                    h.clock.instant(), h.at(Duration.ofHours(1)), "dba", "known"));
            h.advance(m(50));
            assertThat(sent(h)).containsExactly("team firing PT30S");
        }
    }

    @Test
    void routesWithoutAPolicyOrThatTurnItOffDoNotEscalate() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "WebDown", "team", "web");
            h.fire("alertname", "DbInfo", "team", "db", "severity", "info");
            h.advance(m(45));
            assertThat(sent(h)).containsExactlyInAnyOrder("default firing PT30S", "team firing PT30S");
            assertThat(h.pipeline.groups(AlertQuery.all())).allSatisfy(g -> {
                assertThat(g.escalatedTo()).isEmpty();
                assertThat(g.unacknowledgedSince()).isEmpty();
            });
        }
    }

    @Test
    void everyReceiverToldOfTheGroupHearsWhenItIsAcknowledgedAsAWhole() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db", "instance", "a");
            h.fire("alertname", "DbDown", "team", "db", "instance", "b");
            h.advance(m(11));
            List<Notification> sent = h.sink.all();
            List<AlertView> alerts = h.pipeline.alerts(AlertQuery.all());
            h.pipeline.acknowledge(alerts.get(0).alert().fingerprint(), "dba", "", Optional.empty());
            assertThat(h.acknowledged).as("b is not acknowledged yet").isEmpty();
            h.pipeline.acknowledge(alerts.get(1).alert().fingerprint(), "dba", "", Optional.empty());
            assertThat(h.acknowledged).extracting(Notification::receiver).containsExactly("team", "lead");
            assertThat(h.acknowledged).allSatisfy(n -> {
                assertThat(n.groupKey()).isEqualTo(sent.get(0).groupKey());
                assertThat(n.alerts()).isEqualTo(sent.get(0).alerts());
                assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
            });
            assertThat(h.acknowledged.get(0).id()).isNotEqualTo(sent.get(0).id())
                    .isNotEqualTo(h.acknowledged.get(1).id());
            h.advance(m(30));
            assertThat(h.take()).extracting(Notification::receiver).as("no director").containsExactly("team", "lead");
        }
    }

    @Test
    void escalatedNotificationsAreOrdinaryNotificationsOfTheGroup() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "DbDown", "team", "db");
            h.advance(m(11));
            List<Notification> all = h.sink.all();
            assertThat(all).hasSize(2);
            assertThat(all.get(1).groupKey()).isEqualTo(all.get(0).groupKey());
            assertThat(all.get(1).alerts()).isEqualTo(all.get(0).alerts());
            assertThat(all.get(1).status()).isEqualTo(AlertStatus.FIRING);
            assertThat(all.get(1).id()).isNotEqualTo(all.get(0).id());
        }
    }
}
