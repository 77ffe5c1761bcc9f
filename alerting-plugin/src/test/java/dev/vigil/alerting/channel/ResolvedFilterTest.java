package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.Notification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvedFilterTest {

    @Test
    void sendsEverythingWhenResolvedAreSent() {
        Notification mixed = TestNotifications.mixed();

        assertThat(ResolvedFilter.apply(mixed, true)).containsSame(mixed);
        assertThat(ResolvedFilter.apply(TestNotifications.firingOne(), false)).contains(TestNotifications.firingOne());
    }

    @Test
    void dropsAResolvedGroup() {
        assertThat(ResolvedFilter.apply(TestNotifications.allResolved(), false)).isEmpty();
        assertThat(ResolvedFilter.skipped().outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(ResolvedFilter.skipped().detail()).isEqualTo("resolved notifications disabled");
    }

    @Test
    void keepsOnlyFiringAlertsAndTheirCommonParts() {
        Alert a = TestNotifications.firing("a:1");
        Alert b = new Alert(AlertStatus.FIRING, Map.of("alertname", "HighLatency", "job", "web", "zone", "eu"),
                Map.of("summary", "x"), a.startsAt(), Optional.empty(), "", "b");
        Alert resolved = TestNotifications.resolved("c:1");
        Notification n = TestNotifications.notification(List.of(a, b, resolved));

        Notification sent = ResolvedFilter.apply(n, false).orElseThrow();

        assertThat(sent.alerts()).containsExactly(a, b);
        assertThat(sent.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(sent.commonLabels()).isEqualTo(Map.of("alertname", "HighLatency"));
        assertThat(sent.commonAnnotations()).isEmpty();
        assertThat(sent.groupLabels()).isEqualTo(n.groupLabels());
        assertThat(sent.id()).isEqualTo(n.id());
        assertThat(sent.groupKey()).isEqualTo(n.groupKey());
    }
}
