package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.metrics.LabelMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineApiTest {

    private static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route:
              receiver: team
              group_by: [alertname]
              routes:
                - matchers: [severity="page"]
                  receiver: pager
                  continue: true
                - matchers: ['alertname=~".+"']
                  receiver: team
            inhibit_rules:
              - source_matchers: [alertname="NodeDown"]
                target_matchers: [alertname="DiskFull"]
                equal: [instance]
            receivers: [{name: team}, {name: pager}]
            """;

    @TempDir
    Path dir;

    private static List<String> names(List<AlertView> views) {
        return views.stream().map(v -> v.alert().labels().get("alertname") + "@" + v.alert().labels().get("instance"))
                .toList();
    }

    @Test
    void alertsAreFilteredByMatchersReceiverAndState() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "NodeDown", "instance", "a", "severity", "page");
            h.fire("alertname", "DiskFull", "instance", "a");
            h.fire("alertname", "DiskFull", "instance", "b");
            h.fire("alertname", "Cpu", "instance", "c");
            h.pipeline.createSilence(SilenceRequest.between(List.of(LabelMatcher.equal("alertname", "Cpu")),
                    h.start, h.at(Duration.ofHours(1)), "ann", ""));
            h.advance(Duration.ofSeconds(30));
            AlertView cpu = h.pipeline.alerts(AlertQuery.all().withFilter(Matchers.parse("alertname=Cpu"))).get(0);
            h.pipeline.acknowledge(h.pipeline.alerts(AlertQuery.all().withFilter(Matchers.parse("instance=b"))).get(0)
                    .alert().fingerprint(), "bob", "", Optional.empty());

            assertThat(names(h.pipeline.alerts(AlertQuery.all())))
                    .containsExactly("Cpu@c", "DiskFull@a", "DiskFull@b", "NodeDown@a");
            assertThat(names(h.pipeline.alerts(AlertQuery.all().withReceiver("pag.*")))).containsExactly("NodeDown@a");
            assertThat(names(h.pipeline.alerts(AlertQuery.all().withStates(true, false, false, true))))
                    .containsExactly("DiskFull@b", "NodeDown@a");
            assertThat(names(h.pipeline.alerts(AlertQuery.all().withStates(true, false, false, false))))
                    .containsExactly("NodeDown@a");
            assertThat(names(h.pipeline.alerts(AlertQuery.all().withStates(false, true, true, true))))
                    .containsExactly("Cpu@c", "DiskFull@a");
            assertThat(cpu.state()).isEqualTo(AlertState.SUPPRESSED);
            assertThat(cpu.silencedBy()).hasSize(1);
            assertThat(cpu.updatedAt()).isEqualTo(h.start);
            AlertView node = h.pipeline.alerts(AlertQuery.all().withFilter(Matchers.parse("alertname=NodeDown"))).get(0);
            assertThat(node.receivers()).containsExactly("pager", "team");
            AlertView disk = h.pipeline.alerts(AlertQuery.all().withFilter(Matchers.parse("instance=a,alertname=DiskFull")))
                    .get(0);
            assertThat(disk.inhibitedBy()).containsExactly(node.alert().fingerprint());
        }
    }

    @Test
    void groupsListTheirSelectedAlerts() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "NodeDown", "instance", "a", "severity", "page");
            h.fire("alertname", "Cpu", "instance", "c");
            h.fire("alertname", "Cpu", "instance", "d");
            List<GroupView> groups = h.pipeline.groups(AlertQuery.all());
            assertThat(groups).extracting(GroupView::groupKey).containsExactly(
                    "{}/{severity=\"page\"}:{alertname=\"NodeDown\"}", "{}/{alertname=~\".+\"}:{alertname=\"NodeDown\"}",
                    "{}/{alertname=~\".+\"}:{alertname=\"Cpu\"}");
            assertThat(groups.get(0).receiver()).isEqualTo("pager");
            assertThat(groups.get(2).alerts()).hasSize(2);
            assertThat(groups.get(2).nextFlush()).isEqualTo(h.at(Duration.ofSeconds(30)));
            assertThat(h.pipeline.groups(AlertQuery.all().withFilter(Matchers.parse("instance=d"))))
                    .singleElement().satisfies(g -> assertThat(g.alerts()).hasSize(1));
        }
    }

    @Test
    void aNewConfigurationFormsTheGroupsAnewWithoutRepeating() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.fire("alertname", "Cpu", "instance", "c", "severity", "page");
            h.advance(Duration.ofSeconds(30));
            assertThat(h.take()).extracting(Notification::receiver).containsExactlyInAnyOrder("team", "pager");
            h.advance(Duration.ofMinutes(1));
            h.pipeline.reconfigure(PipelineConfig.fromYaml("""
                    global: {resolve_timeout: 1d}
                    route:
                      receiver: team
                      group_by: [alertname]
                      routes:
                        - matchers: [severity="page"]
                          receiver: oncall
                          continue: true
                        - matchers: ['alertname=~".+"']
                          receiver: team
                    receivers: [{name: team}, {name: oncall}]
                    """));
            h.advance(Duration.ZERO);
            assertThat(h.take()).extracting(Notification::receiver).containsExactly("oncall");
            h.advance(Duration.ofHours(1));
            assertThat(h.take()).isEmpty();
        }
    }
}
