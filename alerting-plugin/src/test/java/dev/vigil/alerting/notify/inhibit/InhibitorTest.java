package dev.vigil.alerting.notify.inhibit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InhibitorTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final InhibitRule CRITICAL_MUTES_WARNING = new InhibitRule(Matchers.parse("severity=critical"),
            Matchers.parse("severity=warning"), List.of("instance"));

    private static StoredAlert alert(Instant endsAt, String... labels) {
        Labels set = Labels.of(labels);
        return new StoredAlert(dev.vigil.alerting.notify.store.Fingerprints.of(set), set, Map.of(),
                NOW.minusSeconds(600), endsAt, true, "", NOW);
    }

    private static StoredAlert firing(String... labels) {
        return alert(NOW.plusSeconds(300), labels);
    }

    @Test
    void aFiringSourceMutesTargetsWithTheSameEqualLabels() {
        StoredAlert critical = firing("alertname", "Down", "severity", "critical", "instance", "a");
        Inhibitor inhibitor = Inhibitor.index(List.of(CRITICAL_MUTES_WARNING), List.of(critical), NOW);
        assertThat(inhibitor.inhibitedBy(Labels.of("alertname", "Slow", "severity", "warning", "instance", "a")))
                .contains(critical.fingerprint());
        assertThat(inhibitor.inhibitedBy(Labels.of("alertname", "Slow", "severity", "warning", "instance", "b")))
                .isEmpty();
        assertThat(inhibitor.inhibitedBy(Labels.of("alertname", "Slow", "severity", "info", "instance", "a")))
                .isEmpty();
        assertThat(inhibitor.inhibitedBy(critical.labels())).as("a source is not a target").isEmpty();
    }

    @Test
    void aResolvedSourceMutesNothing() {
        StoredAlert resolved = alert(NOW.minusSeconds(1), "severity", "critical", "instance", "a");
        Inhibitor inhibitor = Inhibitor.index(List.of(CRITICAL_MUTES_WARNING), List.of(resolved), NOW);
        assertThat(inhibitor.inhibitedBy(Labels.of("severity", "warning", "instance", "a"))).isEmpty();
    }

    @Test
    void anAbsentEqualLabelEqualsAnAbsentOne() {
        StoredAlert critical = firing("severity", "critical");
        Inhibitor inhibitor = Inhibitor.index(List.of(CRITICAL_MUTES_WARNING), List.of(critical), NOW);
        assertThat(inhibitor.inhibitedBy(Labels.of("severity", "warning"))).isPresent();
        assertThat(inhibitor.inhibitedBy(Labels.of("severity", "warning", "instance", "a"))).isEmpty();
    }

    @Test
    void alertsMatchingBothSidesDoNotMuteEachOther() {
        InhibitRule anyDownMutesOthers = new InhibitRule(Matchers.parse("alertname=Down"),
                Matchers.parse("instance=~\".+\""), List.of("cluster"));
        StoredAlert downA = firing("alertname", "Down", "instance", "a", "cluster", "c");
        StoredAlert downB = firing("alertname", "Down", "instance", "b", "cluster", "c");
        Inhibitor inhibitor = Inhibitor.index(List.of(anyDownMutesOthers), List.of(downA, downB), NOW);
        assertThat(inhibitor.inhibitedBy(downA.labels())).isEmpty();
        assertThat(inhibitor.inhibitedBy(downB.labels())).isEmpty();
        assertThat(inhibitor.inhibitedBy(Labels.of("alertname", "Slow", "instance", "a", "cluster", "c"))).isPresent();
    }

    @Test
    void withoutEqualLabelsAnySourceMutesEveryTarget() {
        InhibitRule maintenance = new InhibitRule(Matchers.parse("alertname=Maintenance"), Matchers.parse("team=db"),
                List.of());
        Inhibitor inhibitor = Inhibitor.index(List.of(maintenance), List.of(firing("alertname", "Maintenance")), NOW);
        assertThat(inhibitor.inhibitedBy(Labels.of("team", "db", "instance", "x"))).isPresent();
    }
}
