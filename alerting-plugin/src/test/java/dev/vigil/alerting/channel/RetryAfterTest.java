package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAgainstTheClock() {
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 10:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void capsLongWaits() {
        assertThat(RetryAfter.parse("86400", NOW)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(RetryAfter.LONGEST);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    }
}
