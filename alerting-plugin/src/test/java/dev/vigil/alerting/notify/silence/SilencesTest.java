package dev.vigil.alerting.notify.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.notify.config.NotifyConfigException;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.alerting.notify.config.TimeRangeSpec;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilencesTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final List<LabelMatcher> DB = List.of(LabelMatcher.equal("team", "db"));

    @Test
    void aSilenceIsPendingThenActiveThenExpired() {
        Silences silences = new Silences();
        Silence s = silences.create(SilenceRequest.between(DB, NOW.plusSeconds(60), NOW.plusSeconds(120), "ann",
                "deploy"), NOW);
        assertThat(s.state(NOW)).isEqualTo(SilenceState.PENDING);
        assertThat(s.state(NOW.plusSeconds(60))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(NOW.plusSeconds(120))).isEqualTo(SilenceState.EXPIRED);
        assertThat(silences.mutes(Labels.of("team", "db"), NOW)).isFalse();
        assertThat(silences.silencedBy(Labels.of("team", "db", "x", "y"), NOW.plusSeconds(90))).containsExactly(s.id());
        assertThat(silences.silencedBy(Labels.of("team", "web"), NOW.plusSeconds(90))).isEmpty();
        assertThat(s.createdBy()).isEqualTo("ann");
        assertThat(s.comment()).isEqualTo("deploy");
    }

    @Test
    void aStartInThePastBecomesNow() {
        Silence s = new Silences().create(SilenceRequest.between(DB, NOW.minusSeconds(600), NOW.plusSeconds(60), "ann",
                ""), NOW);
        assertThat(s.startsAt()).isEqualTo(NOW);
        assertThat(s.state(NOW)).isEqualTo(SilenceState.ACTIVE);
    }

    @Test
    void expiringEndsItNowAndKeepsItForTheRetention() {
        Silences silences = new Silences();
        Silence active = silences.create(SilenceRequest.between(DB, NOW, NOW.plusSeconds(3600), "ann", ""), NOW);
        Silence pending = silences.create(SilenceRequest.between(DB, NOW.plusSeconds(600), NOW.plusSeconds(3600),
                "ann", ""), NOW);
        Instant later = NOW.plusSeconds(60);
        Silence expired = silences.expire(active.id(), later).orElseThrow();
        assertThat(expired.endsAt()).contains(later);
        assertThat(expired.state(later)).isEqualTo(SilenceState.EXPIRED);
        Silence expiredPending = silences.expire(pending.id(), later).orElseThrow();
        assertThat(expiredPending.startsAt()).isEqualTo(later);
        assertThat(expiredPending.state(later)).isEqualTo(SilenceState.EXPIRED);
        assertThat(silences.expire(active.id(), later.plusSeconds(10))).contains(expired);
        assertThat(silences.expire("nope", later)).isEmpty();
        assertThat(silences.collectGarbage(later.plus(Duration.ofHours(119)), Duration.ofHours(120))).isFalse();
        assertThat(silences.collectGarbage(later.plus(Duration.ofHours(121)), Duration.ofHours(120))).isTrue();
        assertThat(silences.list()).isEmpty();
    }

    @Test
    void aRecurringSilenceIsActiveInsideItsScheduleOnly() {
        Silences silences = new Silences();
        TimeIntervalSpec nightly = new TimeIntervalSpec(List.of(new TimeRangeSpec("02:00", "04:00")), null, null,
                null, null, "Europe/Berlin");
        Silence s = silences.create(SilenceRequest.recurring(DB, List.of(nightly), "ops", "backups"), NOW);
        assertThat(s.recurring()).isTrue();
        assertThat(s.endsAt()).isEmpty();
        // 02:00 in Berlin in January is 01:00 UTC.
        assertThat(s.state(Instant.parse("2026-01-06T00:59:00Z"))).isEqualTo(SilenceState.PENDING);
        assertThat(s.state(Instant.parse("2026-01-06T01:00:00Z"))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(Instant.parse("2026-01-06T03:00:00Z"))).isEqualTo(SilenceState.PENDING);
        assertThat(s.state(Instant.parse("2026-03-06T01:30:00Z"))).isEqualTo(SilenceState.ACTIVE);
        assertThat(silences.mutes(Labels.of("team", "db"), Instant.parse("2026-01-07T02:30:00Z"))).isTrue();
        silences.expire(s.id(), Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(silences.mutes(Labels.of("team", "db"), Instant.parse("2026-01-08T02:30:00Z"))).isFalse();
    }

    @Test
    void aRecurringSilenceMayEnd() {
        TimeIntervalSpec weekends = new TimeIntervalSpec(null, List.of("saturday", "sunday"), null, null, null, null);
        Silence s = new Silences().create(new SilenceRequest(DB, Optional.empty(),
                Optional.of(Instant.parse("2026-01-12T00:00:00Z")), "ops", "", List.of(weekends)), NOW);
        assertThat(s.state(Instant.parse("2026-01-10T12:00:00Z"))).isEqualTo(SilenceState.ACTIVE);
        assertThat(s.state(Instant.parse("2026-01-17T12:00:00Z"))).isEqualTo(SilenceState.EXPIRED);
    }

    @Test
    void refusesBadRequestsNamingEveryProblem() {
        Silences silences = new Silences();
        assertThatThrownBy(() -> silences.create(new SilenceRequest(List.of(LabelMatcher.regex("team", ".*")),
                Optional.empty(), Optional.empty(), " ", "", List.of()), NOW))
                .isInstanceOf(NotifyConfigException.class)
                .satisfies(e -> assertThat(((NotifyConfigException) e).problems()).containsExactly(
                        "matchers: at least one matcher must not match the empty string",
                        "createdBy: missing author",
                        "endsAt: a silence without a schedule needs an end"));
        assertThatThrownBy(() -> silences.create(SilenceRequest.between(List.of(), NOW, NOW.minusSeconds(1), "a", ""),
                NOW)).satisfies(e -> assertThat(((NotifyConfigException) e).problems()).containsExactly(
                        "matchers: a silence needs at least one matcher",
                        "endsAt: the end 2026-01-05T09:59:59Z is not in the future"));
        assertThatThrownBy(() -> silences.create(SilenceRequest.between(DB, NOW.plusSeconds(60), NOW.plusSeconds(30),
                "a", ""), NOW)).hasMessageContaining("is not after the start");
        TimeIntervalSpec bad = new TimeIntervalSpec(null, List.of("someday"), null, null, null, null);
        assertThatThrownBy(() -> silences.create(SilenceRequest.recurring(DB, List.of(bad), "a", ""), NOW))
                .hasMessage("invalid silence: schedule[0].weekdays[0]: \"someday\" is not a valid weekday");
        assertThat(silences.list()).isEmpty();
    }
}
