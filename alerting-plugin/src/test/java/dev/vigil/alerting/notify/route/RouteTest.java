package dev.vigil.alerting.notify.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.PipelineConfig;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final Route TREE = PipelineConfig.fromYaml("""
            route:
              receiver: default
              group_by: [alertname]
              routes:
                - matchers: [team="db"]
                  receiver: db
                  continue: true
                  routes:
                    - matchers: [severity="critical"]
                      receiver: db-pager
                - matchers: ['severity=~"critical|page"']
                  receiver: pager
                - matchers: [team="db"]
                  receiver: db-second
                - matchers: [team="db"]
                  receiver: never
            receivers: [{name: default}, {name: db}, {name: db-pager}, {name: pager}, {name: db-second}, {name: never}]
            """).route();

    private static List<String> receivers(String... labels) {
        return TREE.match(Labels.of(labels)).stream().map(r -> r.options().receiver()).toList();
    }

    @Test
    void theFirstMatchingChildWinsUnlessItContinues() {
        assertThat(receivers("team", "db", "severity", "critical")).containsExactly("db-pager", "pager");
        assertThat(receivers("team", "db", "severity", "warning")).containsExactly("db", "db-second");
        assertThat(receivers("team", "web", "severity", "page")).containsExactly("pager");
    }

    @Test
    void anAlertNoChildMatchesStaysWithTheParent() {
        assertThat(receivers("team", "web")).containsExactly("default");
        assertThat(receivers()).containsExactly("default");
    }

    @Test
    void keysFollowThePathAndIdsTellSiblingsApart() {
        Route dbPager = TREE.routes().get(0).routes().get(0);
        assertThat(dbPager.key()).isEqualTo("{}/{team=\"db\"}/{severity=\"critical\"}");
        assertThat(dbPager.id()).isEqualTo("{}/{team=\"db\"}/{severity=\"critical\"}/0");
        assertThat(TREE.routes().get(2).key()).isEqualTo(TREE.routes().get(3).key());
        assertThat(TREE.routes().get(2).id()).isNotEqualTo(TREE.routes().get(3).id());
        assertThat(TREE.id()).isEqualTo("{}");
    }

    @Test
    void groupLabelsAreTheGroupByLabelsTheAlertHas() {
        assertThat(TREE.groupLabels(Labels.of("alertname", "Down", "instance", "a")).asMap())
                .containsExactly(java.util.Map.entry("alertname", "Down"));
        assertThat(TREE.groupLabels(Labels.of("instance", "a")).isEmpty()).isTrue();
        Route all = PipelineConfig.fromYaml("route: {receiver: a, group_by: ['...']}\nreceivers: [{name: a}]").route();
        assertThat(all.groupLabels(Labels.of("alertname", "Down", "instance", "a")).asMap())
                .containsOnlyKeys("alertname", "instance");
    }

    @Test
    void muteAndActiveTimeIntervalsAreNotInherited() {
        Route root = PipelineConfig.fromYaml("""
                route:
                  receiver: a
                  routes:
                    - matchers: [x="1"]
                      mute_time_intervals: [mornings]
                      routes: [{matchers: [y="1"]}]
                    - matchers: [x="2"]
                      active_time_intervals: [mornings]
                    - matchers: [x="3"]
                      mute_time_intervals: [mornings]
                      active_time_intervals: [mornings]
                time_intervals:
                  - name: mornings
                    time_intervals: [{times: [{start_time: '06:00', end_time: '12:00'}]}]
                receivers: [{name: a}]
                """).route();
        Instant morning = Instant.parse("2026-01-05T07:00:00Z");
        Instant evening = Instant.parse("2026-01-05T19:00:00Z");
        Route muted = root.routes().get(0);
        assertThat(muted.mutedAt(morning)).isTrue();
        assertThat(muted.mutedAt(evening)).isFalse();
        assertThat(muted.routes().get(0).mutedAt(morning)).isFalse();
        Route active = root.routes().get(1);
        assertThat(active.mutedAt(morning)).isFalse();
        assertThat(active.mutedAt(evening)).isTrue();
        assertThat(root.routes().get(2).mutedAt(morning)).as("mute wins").isTrue();
    }
}
