package dev.vigil.alerting.rules;

import static dev.vigil.alerting.rules.RuleTestSupport.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.rules.ReloadResult.Change;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleManagerTest {

    private final RuleTestSupport support = new RuleTestSupport();
    private final TestingScheduler scheduler = new TestingScheduler(support.clock);
    private final List<Path> paths = new ArrayList<>();
    private final RuleManager manager = new RuleManager(support.environment().build(), new RuleFiles(support.engine),
            scheduler, () -> List.copyOf(paths), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        manager.close();
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name).toAbsolutePath();
        Files.writeString(path, content);
        if (!paths.contains(path)) {
            paths.add(path);
        }
        return path;
    }

    private List<TestingMetricStore.Sample> samples(String metric, String... labels) {
        return support.store.samples(series(metric, labels));
    }

    @Test
    void runsEachGroupAtFixedSlotsOfItsInterval() throws IOException {
        file("rules.yml", """
                groups:
                  - name: every-minute
                    rules:
                      - record: one
                        expr: vector(1)
                      - alert: Always
                        expr: vector(1)
                  - name: every-ten-seconds
                    interval: 10s
                    rules:
                      - record: two
                        expr: vector(2)
                """);

        assertThat(manager.start().ok()).isTrue();
        scheduler.advance(Duration.ofMinutes(5));

        List<TestingMetricStore.Sample> one = samples("one");
        assertThat(one).hasSize(5);
        for (int i = 1; i < one.size(); i++) {
            assertThat(one.get(i).timestamp() - one.get(i - 1).timestamp()).isEqualTo(60_000);
        }
        assertThat(one.get(0).timestamp()).isGreaterThan(RuleTestSupport.T0.toEpochMilli());
        assertThat(samples("two")).hasSizeBetween(29, 30);
        assertThat(samples("ALERTS", "alertname", "Always", "alertstate", "firing"))
                .as("ALERTS is written once for state was restored, after the second evaluation").hasSize(3);
        assertThat(manager.groups()).extracting(GroupStatus::name).containsExactly("every-minute", "every-ten-seconds");
        GroupStatus status = manager.groups().get(0);
        assertThat(status.lastEvaluationTimestamp()).contains(Instant.ofEpochMilli(one.get(4).timestamp()));
        assertThat(status.rules()).extracting(RuleStatus::health).containsOnly(RuleHealth.OK);
        assertThat(status.rules().get(1).alerts()).hasSize(1);
        assertThat(manager.activeAlerts()).hasSize(1);
    }

    @Test
    void aBadFileIsRefusedAndTheRulesItHadKeepRunning() throws IOException {
        Path rules = file("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: vector(1)\n");
        manager.start();
        scheduler.advance(Duration.ofMinutes(2));
        int before = samples("a").size();

        Files.writeString(rules, "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: 'sum('\n");
        ReloadResult result = manager.reload();

        assertThat(result.ok()).isFalse();
        assertThat(result.file(rules).orElseThrow().change()).isEqualTo(Change.REFUSED);
        assertThat(result.file(rules).orElseThrow().problems()).singleElement().asString()
                .startsWith(rules + ": 5:15: group \"g\", rule 1, \"a\": could not parse expression: ");
        assertThat(manager.files()).singleElement().satisfies(f -> {
            assertThat(f.problems()).hasSize(1);
            assertThat(f.groups()).isEqualTo(1);
            assertThat(f.loadedAt()).isPresent();
        });
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(samples("a")).hasSize(before + 2);

        Files.writeString(rules, "groups:\n  - name: g\n    rules:\n      - record: b\n        expr: vector(2)\n");
        assertThat(manager.reload().file(rules).orElseThrow().change()).isEqualTo(Change.LOADED);
        assertThat(manager.files().get(0).problems()).isEmpty();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(samples("b")).hasSize(1);
        List<TestingMetricStore.Sample> a = samples("a");
        assertThat(StaleMarker.isStale(a.get(a.size() - 1).value())).as("the removed rule's series is marked stale").isTrue();
        assertThat(a.get(a.size() - 1).timestamp()).isEqualTo(samples("b").get(0).timestamp());
    }

    @Test
    void aFileThatNeverLoadedRunsNothingAndReportsItsProblems() throws IOException {
        Path rules = file("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n");
        Path missing = dir.resolve("missing.yml").toAbsolutePath();
        paths.add(missing);

        ReloadResult result = manager.start();

        assertThat(result.file(rules).orElseThrow().problems()).extracting(p -> p.message())
                .containsExactly("group \"g\", rule 1, \"a\": field 'expr' must be set in rule");
        assertThat(result.file(missing).orElseThrow().problems()).extracting(p -> p.message()).containsExactly("no such file");
        assertThat(manager.groups()).isEmpty();
        assertThat(manager.files()).extracting(RuleFileStatus::loadedAt).allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void alertsKeepTheirStateWhenTheirFileIsReloaded() throws IOException {
        for (int minute = 0; minute <= 12; minute++) {
            support.write("up", RuleTestSupport.T0.plus(Duration.ofMinutes(minute)), 0, "job", "api");
        }
        Path rules = file("rules.yml", """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        for: 5m
                        annotations:
                          summary: down
                """);
        manager.start();
        scheduler.advance(Duration.ofMinutes(2));
        Instant activeAt = manager.activeAlerts().get(0).activeAt();

        Files.writeString(rules, Files.readString(rules).replace("summary: down", "summary: the API is down"));
        assertThat(manager.reload().file(rules).orElseThrow().change()).isEqualTo(Change.LOADED);
        scheduler.advance(Duration.ofMinutes(1));

        ActiveAlert alert = manager.activeAlerts().get(0);
        assertThat(alert.activeAt()).isEqualTo(activeAt);
        assertThat(alert.annotations()).containsEntry("summary", "the API is down");
        scheduler.runUntil(activeAt.plus(Duration.ofMinutes(5)));
        assertThat(manager.activeAlerts().get(0).state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void picksUpChangedFilesByItself() throws IOException {
        Path rules = file("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: vector(1)\n");
        manager.start();
        Files.writeString(rules, "groups:\n  - name: g\n    interval: 10s\n    rules:\n      - record: a\n        expr: vector(5)\n");

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(manager.groups().get(0).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(samples("a")).extracting(TestingMetricStore.Sample::value).contains(5.0);
    }

    @Test
    void aFileNoLongerConfiguredStopsAndItsSeriesGoStale() throws IOException {
        Path rules = file("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: vector(1)\n");
        manager.start();
        scheduler.advance(Duration.ofMinutes(2));

        paths.remove(rules);
        assertThat(manager.reload().file(rules).orElseThrow().change()).isEqualTo(Change.REMOVED);
        List<TestingMetricStore.Sample> a = samples("a");
        assertThat(StaleMarker.isStale(a.get(a.size() - 1).value())).isTrue();

        scheduler.advance(Duration.ofMinutes(5));
        assertThat(samples("a")).hasSize(a.size());
        assertThat(manager.groups()).isEmpty();
    }

    @Test
    void closingStopsEveryGroup() throws IOException {
        file("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: vector(1)\n");
        manager.start();
        scheduler.advance(Duration.ofMinutes(2));
        int before = samples("a").size();

        manager.close();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(samples("a")).hasSize(before);
        assertThatThrownBy(manager::reload).isInstanceOf(IllegalStateException.class);
    }
}
