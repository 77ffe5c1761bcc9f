package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void subjectLikeAlertmanagersDefault() {
        assertThat(NotificationText.subject(TestNotifications.mixed())).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(NotificationText.subject(TestNotifications.allResolved()))
                .isEqualTo("[RESOLVED] HighLatency (api critical)");
    }

    @Test
    void subjectWithoutOtherCommonLabelsHasNoParentheses() {
        Notification n = new Notification("id", "ops", AlertStatus.FIRING, List.of(TestNotifications.firing("a:1")),
                Map.of("alertname", "Down", "job", "db"), Map.of("job", "db", "alertname", "Down"), Map.of(), "", "k", 0,
                Instant.EPOCH);

        assertThat(NotificationText.subject(n)).isEqualTo("[FIRING:1] Down db");
    }

    @Test
    void subjectWithoutGroupLabels() {
        Notification n = new Notification("id", "ops", AlertStatus.FIRING, List.of(TestNotifications.firing("a:1")),
                Map.of(), Map.of("job", "db"), Map.of(), "", "{}:{}", 0, Instant.EPOCH);

        assertThat(NotificationText.subject(n)).isEqualTo("[FIRING:1] (db)");
    }

    @Test
    void groupKeyHashIsSha256Hex() {
        assertThat(NotificationText.groupKeyHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void countsSayWhatFiresResolvedAndIsLeftOut() {
        Notification mixed = TestNotifications.mixed();
        Notification truncated = new Notification(mixed.id(), mixed.receiver(), mixed.status(), mixed.alerts(),
                mixed.groupLabels(), mixed.commonLabels(), mixed.commonAnnotations(), mixed.externalUrl(),
                mixed.groupKey(), 4, mixed.createdAt());

        assertThat(NotificationText.counts(mixed)).isEqualTo("2 firing, 1 resolved");
        assertThat(NotificationText.counts(TestNotifications.allResolved())).isEqualTo("2 resolved");
        assertThat(NotificationText.counts(truncated)).isEqualTo("2 firing, 1 resolved, 4 not shown");
    }

    @Test
    void summaryPrefersSummaryThenDescription() {
        assertThat(NotificationText.summary(TestNotifications.firing("a:1"))).isEqualTo("Latency above 1s on a:1");
    }
}
