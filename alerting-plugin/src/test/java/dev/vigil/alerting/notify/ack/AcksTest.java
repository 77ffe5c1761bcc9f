package dev.vigil.alerting.notify.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.notify.store.AlertStore;
import dev.vigil.alerting.notify.store.Fingerprints;
import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcksTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static StoredAlert alert(Instant startsAt, Instant endsAt) {
        Labels labels = Labels.of("alertname", "Down");
        return new StoredAlert(Fingerprints.of(labels), labels, Map.of(), startsAt, endsAt, true, "", NOW);
    }

    @Test
    void holdsForThisFiringUntilItLapses() {
        Acks acks = new Acks();
        StoredAlert firing = alert(NOW.minusSeconds(60), NOW.plusSeconds(3600));
        Ack ack = acks.acknowledge(firing, "bob", "looking", Optional.of(NOW.plusSeconds(600)), NOW);
        assertThat(ack.fingerprint()).isEqualTo(firing.fingerprintHex());
        assertThat(acks.holds(firing, NOW.plusSeconds(599))).isTrue();
        assertThat(acks.holds(firing, NOW.plusSeconds(600))).isFalse();
        assertThat(acks.nextExpiry(NOW)).contains(NOW.plusSeconds(600));
        assertThat(acks.nextExpiry(NOW.plusSeconds(600))).isEmpty();
        StoredAlert firesAgain = alert(NOW.plusSeconds(120), NOW.plusSeconds(3600));
        assertThat(acks.holds(firesAgain, NOW.plusSeconds(130))).as("a new firing").isFalse();
        StoredAlert resolved = alert(NOW.minusSeconds(60), NOW.plusSeconds(60));
        assertThat(acks.holds(resolved, NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void isForgottenWhenItNoLongerHolds() {
        Acks acks = new Acks();
        AlertStore store = new AlertStore();
        StoredAlert firing = alert(NOW.minusSeconds(60), NOW.plusSeconds(300));
        store.restore(firing);
        acks.acknowledge(firing, "bob", "", Optional.empty(), NOW);
        assertThat(acks.collectGarbage(store, NOW)).isFalse();
        assertThat(acks.collectGarbage(store, NOW.plusSeconds(300))).as("resolved").isTrue();
        assertThat(acks.list()).isEmpty();
    }

    @Test
    void refusesResolvedAlertsBlankAuthorsAndPastExpiries() {
        Acks acks = new Acks();
        assertThatThrownBy(() -> acks.acknowledge(alert(NOW.minusSeconds(60), NOW), "", "",
                Optional.of(NOW), NOW)).hasMessage("""
                        invalid acknowledgement, 3 problems:
                          1) fingerprint: alert %s has resolved
                          2) by: missing author
                          3) expiresAt: the expiry 2026-01-05T10:00:00Z is not in the future"""
                .formatted(Fingerprints.hex(Fingerprints.of(Labels.of("alertname", "Down")))));
    }
}
