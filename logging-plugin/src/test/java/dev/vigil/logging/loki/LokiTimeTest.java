package dev.vigil.logging.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Times and steps read as Loki reads them. */
class LokiTimeTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void timesInEveryFormLokiTakes() {
        assertThat(LokiTime.parseTimestamp("2026-01-01T00:00:00Z")).isEqualTo(1_767_225_600L * SECOND);
        assertThat(LokiTime.parseTimestamp("2026-01-01T01:00:00.123456789+01:00")).isEqualTo(1_767_225_600L * SECOND + 123_456_789);
        assertThat(LokiTime.parseTimestamp("1767225600")).as("up to 10^10: seconds").isEqualTo(1_767_225_600L * SECOND);
        assertThat(LokiTime.parseTimestamp("10000000001")).as("beyond: nanoseconds").isEqualTo(10_000_000_001L);
        assertThat(LokiTime.parseTimestamp("1767225600000000000")).isEqualTo(1_767_225_600L * SECOND);
        assertThat(LokiTime.parseTimestamp("1767225600.5")).isEqualTo(1_767_225_600L * SECOND + 500_000_000);
        assertThat(LokiTime.parseTimestamp("1767225600.1236")).as("kept to the millisecond").isEqualTo(1_767_225_600L * SECOND + 124_000_000);
        assertThat(LokiTime.parseTimestamp("1767225600000000000.7")).as("nanoseconds lose their fraction")
                .isEqualTo(1_767_225_600_000_000_000L);
        assertThat(LokiTime.parseTimestamp("-1")).isEqualTo(-SECOND);
    }

    @Test
    void badTimesGetGosWords() {
        assertThatThrownBy(() -> LokiTime.parseTimestamp("now")).hasMessage("strconv.ParseInt: parsing \"now\": invalid syntax");
        assertThatThrownBy(() -> LokiTime.parseTimestamp("1.2.3")).hasMessage("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax");
        assertThatThrownBy(() -> LokiTime.parseTimestamp("99999999999999999999"))
                .hasMessage("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
        assertThatThrownBy(() -> LokiTime.parseTimestamp("1.0e300")).hasMessage("floating point timestamp exceeds integer range");
        assertThatThrownBy(() -> LokiTime.parseTimestamp("2026-13-01T00:00:00Z"))
                .hasMessage("strconv.ParseInt: parsing \"2026-13-01T00:00:00Z\": invalid syntax");
    }

    @Test
    void stepsAreSecondsOrDurations() {
        assertThat(LokiTime.parseSecondsOrDuration("15")).isEqualTo(15 * SECOND);
        assertThat(LokiTime.parseSecondsOrDuration("1.5")).isEqualTo(1_500_000_000L);
        assertThat(LokiTime.parseSecondsOrDuration("2000ms")).isEqualTo(2 * SECOND);
        assertThat(LokiTime.parseSecondsOrDuration("1h30m")).isEqualTo(5400 * SECOND);
        assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("30m1h")).hasMessage("cannot parse \"30m1h\" to a valid duration");
        assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("1e300"))
                .hasMessage("cannot parse \"1e300\" to a valid duration. It overflows int64");
    }
}
