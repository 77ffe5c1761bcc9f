package dev.vigil.alerting.notify.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeedsUpdateTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration REPEAT = Duration.ofHours(4);

    private static boolean needs(LogEntry previous, Set<Long> firing, Set<Long> resolved) {
        return GroupNotifier.needsUpdate(previous, firing, resolved, REPEAT, NOW, true);
    }

    private static LogEntry entry(Duration ago, Set<Long> firing, Set<Long> resolved) {
        return new LogEntry(NOW.minus(ago), firing, resolved);
    }

    @Test
    void theFirstNotificationNeedsSomethingFiring() {
        assertThat(needs(null, Set.of(1L), Set.of())).isTrue();
        assertThat(needs(null, Set.of(), Set.of(1L))).isFalse();
    }

    @Test
    void newFiringAlertsAreNotified() {
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(1L), Set.of()), Set.of(1L, 2L), Set.of())).isTrue();
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(), Set.of(1L)), Set.of(1L), Set.of())).isTrue();
    }

    @Test
    void allResolvedIsNotifiedOnlyWhenSomethingWasReportedFiring() {
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(1L), Set.of()), Set.of(), Set.of(1L))).isTrue();
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(), Set.of(1L)), Set.of(), Set.of(1L, 2L))).isFalse();
    }

    @Test
    void newlyResolvedAlertsAreNotified() {
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(1L, 2L), Set.of()), Set.of(1L), Set.of(2L))).isTrue();
        assertThat(needs(entry(Duration.ofMinutes(1), Set.of(1L), Set.of(2L)), Set.of(1L), Set.of(2L))).isFalse();
    }

    @Test
    void anUnchangedGroupRepeatsOnlyStrictlyAfterTheRepeatInterval() {
        assertThat(needs(entry(REPEAT, Set.of(1L), Set.of()), Set.of(1L), Set.of())).isFalse();
        assertThat(needs(entry(REPEAT.plusMillis(1), Set.of(1L), Set.of()), Set.of(1L), Set.of())).isTrue();
        assertThat(GroupNotifier.needsUpdate(entry(REPEAT.plusMillis(1), Set.of(1L), Set.of()), Set.of(1L), Set.of(),
                REPEAT, NOW, false)).as("acknowledged").isFalse();
    }
}
