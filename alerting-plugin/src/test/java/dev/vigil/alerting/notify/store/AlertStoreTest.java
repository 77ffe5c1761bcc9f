package dev.vigil.alerting.notify.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static Alert alert(Instant startsAt, Optional<Instant> endsAt, String summary) {
        return new Alert(AlertStatus.FIRING, Map.of("alertname", "Down", "instance", "a"), Map.of("summary", summary),
                startsAt, endsAt, "http://prom/graph", "ignored");
    }

    @Test
    void fingerprintsAreAlertmanagers() {
        // The value Alertmanager reports for an alert with the single label foo="bar".
        assertThat(Fingerprints.hex(Fingerprints.of(Labels.of("foo", "bar")))).isEqualTo("3fff2c2d7595e046");
        assertThat(Fingerprints.parse("3fff2c2d7595e046")).isEqualTo(Fingerprints.of(Labels.of("foo", "bar")));
        assertThat(Fingerprints.of(Labels.of("a", "1", "b", "2"))).isNotEqualTo(Fingerprints.of(Labels.of("a", "12")));
        assertThatThrownBy(() -> Fingerprints.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAlertWithoutEndTimesOutAfterTheResolveTimeout() {
        StoredAlert stored = StoredAlert.received(alert(T0, Optional.empty(), "s"), T0, TIMEOUT);
        assertThat(stored.timeout()).isTrue();
        assertThat(stored.endsAt()).isEqualTo(T0.plus(TIMEOUT));
        assertThat(stored.resolvedAt(T0.plus(TIMEOUT).minusMillis(1))).isFalse();
        assertThat(stored.resolvedAt(T0.plus(TIMEOUT))).isTrue();
        assertThat(stored.toAlert(T0).endsAt()).isEmpty();
        assertThat(stored.toAlert(T0).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(stored.toAlert(T0.plus(TIMEOUT)).endsAt()).contains(T0.plus(TIMEOUT));
        assertThat(stored.toAlert(T0).fingerprint()).isEqualTo(stored.fingerprintHex()).hasSize(16);
    }

    @Test
    void refusesAlertsWithoutLabelsOrEndingBeforeTheyStart() {
        Alert noLabels = new Alert(AlertStatus.FIRING, Map.of("x", ""), Map.of(), T0, Optional.empty(), "", "");
        assertThatThrownBy(() -> StoredAlert.received(noLabels, T0, TIMEOUT)).hasMessageContaining("at least one label");
        assertThatThrownBy(() -> StoredAlert.received(alert(T0, Optional.of(T0.minusSeconds(1)), "s"), T0, TIMEOUT))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void repeatedReportsMergeKeepingTheFirstStartAndTheLatestText() {
        AlertStore store = new AlertStore();
        AlertStore.Put first = store.put(StoredAlert.received(alert(T0, Optional.empty(), "one"), T0, TIMEOUT));
        assertThat(first.material()).isTrue();
        Instant later = T0.plusSeconds(60);
        AlertStore.Put again = store.put(StoredAlert.received(alert(T0.plusSeconds(30), Optional.empty(), "two"), later,
                TIMEOUT));
        assertThat(again.material()).as("a refresh").isFalse();
        assertThat(again.stored().startsAt()).isEqualTo(T0);
        assertThat(again.stored().endsAt()).isEqualTo(later.plus(TIMEOUT));
        assertThat(again.stored().annotations()).containsEntry("summary", "two");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aResolutionWithinTheActivityIsMerged() {
        AlertStore store = new AlertStore();
        store.put(StoredAlert.received(alert(T0, Optional.empty(), "s"), T0, TIMEOUT));
        Instant end = T0.plusSeconds(120);
        AlertStore.Put resolved = store.put(StoredAlert.received(alert(T0, Optional.of(end), "s"), end, TIMEOUT));
        assertThat(resolved.material()).isTrue();
        assertThat(resolved.stored().endsAt()).isEqualTo(end);
        assertThat(resolved.stored().timeout()).isFalse();
        assertThat(resolved.stored().resolvedAt(end)).isTrue();
    }

    @Test
    void anExplicitLaterEndIsNotShortenedByATimeoutReport() {
        AlertStore store = new AlertStore();
        Instant explicitEnd = T0.plus(Duration.ofHours(1));
        store.put(StoredAlert.received(alert(T0, Optional.of(explicitEnd), "s"), T0, TIMEOUT));
        AlertStore.Put refreshed = store.put(StoredAlert.received(alert(T0.plusSeconds(10), Optional.empty(), "s"),
                T0.plusSeconds(60), TIMEOUT));
        assertThat(refreshed.stored().endsAt()).isEqualTo(explicitEnd);
        assertThat(refreshed.stored().timeout()).isFalse();
    }

    @Test
    void anAlertFiringAgainAfterItResolvedReplacesTheOldOne() {
        AlertStore store = new AlertStore();
        Instant end = T0.plusSeconds(60);
        store.put(StoredAlert.received(alert(T0, Optional.of(end), "s"), end, TIMEOUT));
        Instant again = T0.plusSeconds(600);
        AlertStore.Put put = store.put(StoredAlert.received(alert(again, Optional.empty(), "s"), again, TIMEOUT));
        assertThat(put.stored().startsAt()).isEqualTo(again);
        assertThat(put.stored().resolvedAt(again)).isFalse();
        assertThat(put.material()).isTrue();
    }
}
