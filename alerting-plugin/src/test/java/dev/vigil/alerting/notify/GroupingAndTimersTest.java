package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingAndTimersTest {

    private static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route:
              receiver: team
              group_by: [alertname]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
            receivers: [{name: team}]
            """;

    @TempDir
    Path dir;

    private static List<String> instances(Notification n) {
        return n.alerts().stream().map(a -> a.labels().getOrDefault("instance", "") + ":" + a.status().wireName())
                .toList();
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Test
    void theFirstNotificationComesAfterGroupWaitWithTheWholeGroup() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a", "job", "node");
            h.advance(s(10));
            h.fire("alertname", "Down", "instance", "b", "job", "node");
            h.fire("alertname", "Slow", "instance", "a");
            h.advance(s(19));
            assertThat(h.take()).isEmpty();
            h.advance(s(1));
            Notification down = h.take().get(0);
            assertThat(h.clock.instant()).isEqualTo(h.at(s(30)));
            assertThat(down.receiver()).isEqualTo("team");
            assertThat(down.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(instances(down)).containsExactly("a:firing", "b:firing");
            assertThat(down.groupKey()).isEqualTo("{}:{alertname=\"Down\"}");
            assertThat(down.groupLabels()).isEqualTo(Map.of("alertname", "Down"));
            assertThat(down.commonLabels()).isEqualTo(Map.of("alertname", "Down", "job", "node"));
            assertThat(down.externalUrl()).isEqualTo("http://vigil.test");
            assertThat(down.createdAt()).isEqualTo(h.at(s(30)));
            assertThat(down.truncatedAlerts()).isZero();
            assertThat(down.alerts().get(0).endsAt()).isEmpty();
            assertThat(down.alerts().get(0).startsAt()).isEqualTo(h.start);
            h.advance(s(10));
            List<Notification> slow = h.take();
            assertThat(slow).singleElement().satisfies(n -> assertThat(n.groupKey()).isEqualTo("{}:{alertname=\"Slow\"}"));
            assertThat(slow.get(0).id()).isNotEqualTo(down.id());
        }
    }

    @Test
    void changesAreFlushedEveryGroupInterval() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            assertThat(h.take()).hasSize(1);
            h.advance(m(1));
            h.fire("alertname", "Down", "instance", "b");
            h.advanceTo(h.at(m(5).plusSeconds(29)));
            assertThat(h.take()).isEmpty();
            h.advance(s(1));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(instances(n))
                    .containsExactly("a:firing", "b:firing"));
            h.advance(m(10));
            assertThat(h.take()).as("nothing changed").isEmpty();
        }
    }

    @Test
    void anUnchangedGroupRepeatsAtTheFirstFlushAfterTheRepeatInterval() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            Notification first = h.take().get(0);
            // Flushes run at 30s + 5m·k; the 60m30s one is exactly one repeat interval after the last notification,
            // not more, so the repeat comes one group interval later, as in Alertmanager.
            h.advanceTo(h.at(m(65)));
            assertThat(h.take()).isEmpty();
            h.advance(s(30));
            List<Notification> repeat = h.take();
            assertThat(repeat).singleElement().satisfies(n -> {
                assertThat(n.createdAt()).isEqualTo(h.at(m(65).plusSeconds(30)));
                assertThat(n.alerts()).isEqualTo(first.alerts());
                assertThat(n.id()).isNotEqualTo(first.id());
            });
            h.advanceTo(h.at(m(130).plusSeconds(30)));
            assertThat(h.take()).hasSize(1);
        }
    }

    @Test
    void resolvedAlertsAreNotifiedAndThenForgotten() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "Down", "instance", "a");
            h.fire("alertname", "Down", "instance", "b");
            h.advance(s(30));
            h.take();
            h.advance(m(9));
            h.resolve(start, "alertname", "Down", "instance", "a");
            h.advance(m(1));
            Notification partly = h.take().get(0);
            assertThat(partly.createdAt()).isEqualTo(h.at(m(10).plusSeconds(30)));
            assertThat(partly.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(instances(partly)).containsExactly("a:resolved", "b:firing");
            Alert resolvedA = partly.resolved().get(0);
            assertThat(resolvedA.endsAt()).contains(h.at(m(9).plusSeconds(30)));
            h.advance(m(1));
            h.resolve(start, "alertname", "Down", "instance", "b");
            h.advanceTo(h.at(m(15).plusSeconds(30)));
            Notification resolved = h.take().get(0);
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(instances(resolved)).as("a was already reported resolved").containsExactly("b:resolved");
            assertThat(h.pipeline.groups(AlertQuery.all())).isEmpty();
            assertThat(h.pipeline.alerts(AlertQuery.all())).isEmpty();
            h.advance(Duration.ofHours(5));
            assertThat(h.take()).isEmpty();
        }
    }

    @Test
    void anAlertNotSentAgainResolvesAfterTheResolveTimeout() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                route: {receiver: team, group_wait: 30s, group_interval: 1m}
                receivers: [{name: team}]
                """)) {
            h.fire("alertname", "Down");
            h.advance(s(30));
            assertThat(h.take()).hasSize(1);
            h.advanceTo(h.at(m(5).plusSeconds(30)));
            Notification resolved = h.take().get(0);
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.alerts().get(0).endsAt()).contains(h.at(m(5)));
        }
    }

    @Test
    void anAlertKeptAliveBySendingItAgainStaysFiring() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                route: {receiver: team, group_wait: 30s, group_interval: 1m, repeat_interval: 1h}
                receivers: [{name: team}]
                """)) {
            for (int i = 0; i < 20; i++) {
                h.pipeline.receive(List.of(PipelineHarness.firing(h.start, "alertname", "Down")));
                h.advance(m(1));
            }
            assertThat(h.take()).singleElement()
                    .satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.FIRING));
        }
    }

    @Test
    void anOldAlertInANewGroupIsNotHeldBackAgain() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.pipeline.receive(List.of(PipelineHarness.firing(h.start.minus(m(10)), "alertname", "Down")));
            h.advance(Duration.ZERO);
            assertThat(h.take()).hasSize(1);
        }
    }

    @Test
    void withoutGroupByEverythingIsOneGroupAndEllipsisGroupsByAllLabels() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route:
                  receiver: team
                  routes:
                    - matchers: [split="yes"]
                      group_by: ['...']
                receivers: [{name: team}]
                """)) {
            h.fire("alertname", "A");
            h.fire("alertname", "B");
            h.fire("alertname", "C", "split", "yes");
            h.fire("alertname", "D", "split", "yes");
            h.advance(s(30));
            List<Notification> sent = h.take();
            assertThat(sent).extracting(Notification::groupKey).containsExactlyInAnyOrder("{}:{}",
                    "{}/{split=\"yes\"}:{alertname=\"C\", split=\"yes\"}",
                    "{}/{split=\"yes\"}:{alertname=\"D\", split=\"yes\"}");
            assertThat(sent).filteredOn(n -> n.groupKey().equals("{}:{}")).singleElement()
                    .satisfies(n -> assertThat(n.alerts()).hasSize(2));
        }
    }

    @Test
    void maxAlertsTruncatesButCommonLabelsCoverAll() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route: {receiver: team, group_by: [alertname], max_alerts: 2}
                receivers: [{name: team}]
                """)) {
            h.fire("alertname", "Down", "instance", "c", "zone", "1");
            h.fire("alertname", "Down", "instance", "a", "zone", "1");
            h.fire("alertname", "Down", "instance", "b", "zone", "1");
            h.advance(s(30));
            Notification n = h.take().get(0);
            assertThat(instances(n)).containsExactly("a:firing", "b:firing");
            assertThat(n.truncatedAlerts()).isEqualTo(1);
            assertThat(n.commonLabels()).isEqualTo(Map.of("alertname", "Down", "zone", "1"));
        }
    }

    @Test
    void alertsAreOrderedByJobThenInstanceThenLabels() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Down", "instance", "b", "job", "x");
            h.fire("alertname", "Down", "instance", "a", "job", "y");
            h.fire("alertname", "Down", "instance", "a", "job", "x");
            h.fire("alertname", "Down", "zone", "z");
            h.advance(s(30));
            assertThat(h.take().get(0).alerts()).extracting(a -> a.labels().get("job") + "/" + a.labels().get("instance"))
                    .containsExactly("x/a", "x/b", "y/a", "null/null");
        }
    }

    @Test
    void aFailingOutboxIsRetriedAtTheNextFlushAndKeepsTheResolvedAlerts() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "Down", "instance", "a");
            h.advance(s(30));
            h.take();
            h.resolve(start, "alertname", "Down", "instance", "a");
            h.sink.failing(true);
            h.advance(m(5));
            assertThat(h.take()).isEmpty();
            h.sink.failing(false);
            h.advance(m(5));
            Notification resolved = h.take().get(0);
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.createdAt()).isEqualTo(h.at(m(10).plusSeconds(30)));
        }
    }

    @Test
    void invalidAlertsAreSkipped() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.pipeline.receive(List.of(
                    new Alert(AlertStatus.FIRING, Map.of(), Map.of(), h.start, Optional.empty(), "", ""),
                    PipelineHarness.firing(h.start, "alertname", "Down")));
            h.advance(s(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(1));
        }
    }
}
