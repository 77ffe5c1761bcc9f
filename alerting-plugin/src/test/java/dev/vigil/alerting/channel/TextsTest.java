package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void truncateKeepsShortTextAndMarksCutText() {
        assertThat(Texts.truncate("abc", 3)).isEqualTo("abc");
        assertThat(Texts.truncate("abcdef", 4)).isEqualTo("abc…").hasSize(4);
        assertThat(Texts.truncate("abcdef", 1)).isEqualTo("…");
        assertThatThrownBy(() -> Texts.truncate("abc", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateNeverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDD25cd";

        String cut = Texts.truncate(text, 4);

        assertThat(cut).isEqualTo("ab…");
        assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    }

    @Test
    void snippetIsOneLine() {
        assertThat(Texts.snippet("  a\n\tb   c  ", 100)).isEqualTo("a b c");
    }

    @Test
    void durationsReadLikePrometheus() {
        assertThat(Texts.formatDuration(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Texts.formatDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Texts.formatDuration(Duration.ofHours(26))).isEqualTo("1d2h");
        assertThat(Texts.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Texts.formatDuration(Duration.ofSeconds(-5))).isEqualTo("-5s");
    }

    @Test
    void rfc3339LikeAlertmanagerWritesIt() {
        assertThat(Rfc3339.format(Instant.parse("2026-01-01T10:00:00Z"))).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(Rfc3339.format(Instant.parse("2026-01-01T10:00:00.500Z"))).isEqualTo("2026-01-01T10:00:00.5Z");
        assertThat(Rfc3339.format(Instant.parse("2026-01-01T10:00:00.000000001Z")))
                .isEqualTo("2026-01-01T10:00:00.000000001Z");
        assertThat(Rfc3339.formatOrZero(Optional.empty())).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(Rfc3339.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo(Rfc3339.ZERO_TIME);
    }
}
