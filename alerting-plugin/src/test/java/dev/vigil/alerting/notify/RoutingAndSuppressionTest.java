package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.alerting.notify.config.TimeRangeSpec;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.alerting.notify.silence.SilenceState;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.metrics.LabelMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingAndSuppressionTest {

    @TempDir
    Path dir;

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static List<String> names(Notification n) {
        return n.alerts().stream().map(a -> a.labels().get("alertname")).toList();
    }

    @Test
    void continueAndNestedRoutesNotifyEveryMatchedReceiver() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route:
                  receiver: default
                  group_by: [alertname]
                  routes:
                    - matchers: [team="db"]
                      receiver: db
                      continue: true
                      group_wait: 10s
                      routes:
                        - matchers: [severity="critical"]
                          receiver: db-pager
                    - matchers: ['severity=~"critical|page"']
                      receiver: pager
                    - matchers: [team="db"]
                      receiver: db-second
                receivers: [{name: default}, {name: db}, {name: db-pager}, {name: pager}, {name: db-second}]
                """)) {
            h.fire("alertname", "DbDown", "team", "db", "severity", "critical");
            h.fire("alertname", "DbSlow", "team", "db", "severity", "warning");
            h.fire("alertname", "WebDown", "team", "web");
            h.advance(s(10));
            assertThat(h.take()).extracting(n -> n.receiver() + " " + names(n))
                    .containsExactlyInAnyOrder("db-pager [DbDown]", "db [DbSlow]");
            h.advance(s(20));
            assertThat(h.take()).extracting(n -> n.receiver() + " " + names(n))
                    .containsExactlyInAnyOrder("pager [DbDown]", "db-second [DbSlow]", "default [WebDown]");
            assertThat(h.pipeline.alerts(AlertQuery.all().withFilter(Matchers.parse("alertname=DbDown"))))
                    .singleElement().satisfies(v -> assertThat(v.receivers()).containsExactly("db-pager", "pager"));
        }
    }

    @Test
    void aFiringSourceInhibitsTargetsUntilItResolves() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route: {receiver: team, group_by: [instance]}
                inhibit_rules:
                  - source_matchers: [severity="critical"]
                    target_matchers: [severity="warning"]
                    equal: [instance]
                receivers: [{name: team}]
                """)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "NodeDown", "severity", "critical", "instance", "a");
            h.fire("alertname", "DiskFull", "severity", "warning", "instance", "a");
            h.fire("alertname", "DiskFull", "severity", "warning", "instance", "b");
            h.advance(s(30));
            assertThat(h.take()).extracting(n -> n.groupLabels().get("instance") + " " + names(n))
                    .containsExactlyInAnyOrder("a [NodeDown]", "b [DiskFull]");
            assertThat(h.pipeline.alerts(AlertQuery.all().withStates(true, true, false, true)))
                    .extracting(v -> v.alert().labels().get("alertname") + "@" + v.alert().labels().get("instance"))
                    .containsExactlyInAnyOrder("NodeDown@a", "DiskFull@b");
            AlertView inhibited = h.pipeline.alerts(AlertQuery.all().withStates(false, false, true, false)).get(0);
            assertThat(inhibited.state()).isEqualTo(AlertState.SUPPRESSED);
            assertThat(inhibited.inhibitedBy()).hasSize(1);
            h.advance(m(2));
            h.resolve(start, "alertname", "NodeDown", "severity", "critical", "instance", "a");
            h.advance(m(3));
            Notification after = h.take().get(0);
            assertThat(names(after)).containsExactly("DiskFull", "NodeDown");
            assertThat(after.firing()).extracting(a -> a.labels().get("alertname")).containsExactly("DiskFull");
        }
    }

    @Test
    void silencedAlertsAreLeftOutUntilTheSilenceExpires() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route: {receiver: team, group_by: [alertname]}
                receivers: [{name: team}]
                """)) {
            Silence silence = h.pipeline.createSilence(SilenceRequest.between(
                    List.of(LabelMatcher.equal("instance", "a")), h.clock.instant(), h.at(Duration.ofHours(2)), "ann",
                    "replacing the disk"));
            h.fire("alertname", "Down", "instance", "a");
            h.fire("alertname", "Down", "instance", "b");
            h.fire("alertname", "Other", "instance", "a");
            h.advance(s(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.alerts()).singleElement()
                    .satisfies(a -> assertThat(a.labels()).containsEntry("instance", "b")));
            assertThat(h.pipeline.alerts(AlertQuery.all().withStates(false, true, false, true)))
                    .allSatisfy(v -> assertThat(v.silencedBy()).containsExactly(silence.id()))
                    .hasSize(2);
            h.advance(m(30));
            assertThat(h.take()).isEmpty();
            assertThat(h.pipeline.expireSilence(silence.id())).get()
                    .satisfies(s -> assertThat(s.state(h.clock.instant())).isEqualTo(SilenceState.EXPIRED));
            h.advance(m(5));
            assertThat(h.take()).extracting(Notification::groupKey, n -> n.alerts().size())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("{}:{alertname=\"Down\"}", 2),
                            org.assertj.core.groups.Tuple.tuple("{}:{alertname=\"Other\"}", 1));
        }
    }

    @Test
    void aSilenceEndingByItselfLetsTheAlertThroughAtTheNextFlush() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route: {receiver: team}
                receivers: [{name: team}]
                """)) {
            h.pipeline.createSilence(SilenceRequest.between(List.of(LabelMatcher.equal("alertname", "Down")),
                    h.clock.instant(), h.at(m(12)), "ann", ""));
            h.fire("alertname", "Down");
            h.advanceTo(h.at(m(15).plusSeconds(29)));
            assertThat(h.take()).isEmpty();
            h.advance(s(1));
            assertThat(h.take()).hasSize(1);
        }
    }

    @Test
    void aRecurringSilenceMutesDuringItsWindowOnly() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route: {receiver: team, group_interval: 5m, repeat_interval: 4h}
                receivers: [{name: team}]
                """)) {
            // The harness starts on Monday at 10:00 UTC: inside the window of this maintenance.
            TimeIntervalSpec mondayMornings = new TimeIntervalSpec(List.of(new TimeRangeSpec("10:00", "11:00")),
                    List.of("monday"), null, null, null, null);
            Silence maintenance = h.pipeline.createSilence(SilenceRequest.recurring(
                    List.of(LabelMatcher.equal("job", "db")), List.of(mondayMornings), "ops", "weekly upgrade"));
            h.fire("alertname", "Down", "job", "db");
            h.advanceTo(h.at(m(60)));
            assertThat(h.take()).isEmpty();
            assertThat(h.pipeline.silence(maintenance.id()).orElseThrow().state(h.clock.instant()))
                    .isEqualTo(SilenceState.PENDING);
            h.advance(s(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(n.createdAt()).isEqualTo(h.at(m(60).plusSeconds(30))));
            assertThat(maintenance.state(h.at(Duration.ofDays(7).plusMinutes(30)))).isEqualTo(SilenceState.ACTIVE);
        }
    }

    @Test
    void activeTimeIntervalsInTheirTimeZoneHoldNotificationsBack() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route:
                  receiver: team
                  routes:
                    - matchers: [severity="ticket"]
                      active_time_intervals: [new-york-business-hours]
                time_intervals:
                  - name: new-york-business-hours
                    time_intervals:
                      - times: [{start_time: '09:00', end_time: '17:00'}]
                        weekdays: ['monday:friday']
                        location: America/New_York
                receivers: [{name: team}]
                """)) {
            // 10:00 UTC is 05:00 in New York; business starts at 14:00 UTC.
            h.fire("alertname", "CertExpiring", "severity", "ticket");
            h.advanceTo(h.at(Duration.ofHours(4)));
            assertThat(h.take()).isEmpty();
            h.advance(s(30));
            assertThat(h.take()).singleElement()
                    .satisfies(n -> assertThat(n.createdAt()).isEqualTo(Instant.parse("2026-01-05T14:00:30Z")));
        }
    }

    @Test
    void muteTimeIntervalsDropNotificationsWhileInside() {
        try (PipelineHarness h = new PipelineHarness(dir, """
                global: {resolve_timeout: 1d}
                route:
                  receiver: team
                  routes:
                    - matchers: [severity="warning"]
                      mute_time_intervals: [morning]
                time_intervals:
                  - name: morning
                    time_intervals: [{times: [{start_time: '10:00', end_time: '10:20'}]}]
                receivers: [{name: team}]
                """)) {
            Instant start = h.clock.instant();
            h.fire("alertname", "Disk", "severity", "warning");
            h.fire("alertname", "Down", "severity", "critical");
            h.advance(s(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(names(n)).containsExactly("Down"));
            h.advanceTo(h.at(m(20)));
            assertThat(h.take()).isEmpty();
            h.advance(s(30));
            assertThat(h.take()).singleElement().satisfies(n -> assertThat(names(n)).containsExactly("Disk"));
            h.resolve(start, "alertname", "Disk", "severity", "warning");
            h.advance(m(5));
            assertThat(h.take()).singleElement()
                    .satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED));
        }
    }
}
