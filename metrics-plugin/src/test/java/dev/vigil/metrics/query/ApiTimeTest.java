package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTimeTest {

    @Test
    void unixSecondsKeepTheirMilliseconds() {
        assertThat(ApiTime.parseTime("1435781451.781")).isEqualTo(1_435_781_451_781L);
        assertThat(ApiTime.parseTime("1435781451")).isEqualTo(1_435_781_451_000L);
        assertThat(ApiTime.parseTime("1.5")).isEqualTo(1500);
        assertThat(ApiTime.parseTime("-1.5")).isEqualTo(-1500);
        assertThat(ApiTime.parseTime("0.0005")).as("half a millisecond rounds away from zero").isEqualTo(1);
        assertThat(ApiTime.parseTime("-0.0005")).isEqualTo(-1);
        assertThat(ApiTime.parseTime("0.0004")).isEqualTo(0);
        assertThat(ApiTime.parseTime("1e3")).isEqualTo(1_000_000);
        assertThat(ApiTime.parseTime(".5")).isEqualTo(500);
    }

    @Test
    void rfc3339TimesAreCutToTheMillisecond() {
        assertThat(ApiTime.parseTime("2015-07-01T20:10:51.781Z")).isEqualTo(Instant.parse("2015-07-01T20:10:51.781Z").toEpochMilli());
        assertThat(ApiTime.parseTime("2015-07-01T20:10:51Z")).isEqualTo(Instant.parse("2015-07-01T20:10:51Z").toEpochMilli());
        assertThat(ApiTime.parseTime("2015-07-01T22:10:51.7819999+02:00")).isEqualTo(Instant.parse("2015-07-01T20:10:51.781Z").toEpochMilli());
        assertThat(ApiTime.parseTime("1969-12-31T23:59:59.9995Z")).isEqualTo(-1);
    }

    @Test
    void prometheusBoundaryTimesAreUnderstood() {
        assertThat(ApiTime.parseTime(ApiTime.MIN_TIME_TEXT)).isEqualTo(ApiTime.MIN_TIME);
        assertThat(ApiTime.parseTime(ApiTime.MAX_TIME_TEXT)).isEqualTo(ApiTime.MAX_TIME);
        assertThat(Instant.ofEpochMilli(ApiTime.MIN_TIME).toString()).isEqualTo(ApiTime.MIN_TIME_TEXT);
        assertThat(Instant.ofEpochMilli(ApiTime.MAX_TIME).toString()).isEqualTo("+292277025-08-18T07:12:54.999Z");
    }

    @Test
    void otherTextIsNotATime() {
        for (String bad : new String[] {"", "x", "NaN", "Inf", "1.5s", "2015-07-01", "2015-07-01T20:10:51", "2015-07-01 20:10:51Z",
                "2015-13-01T20:10:51Z", "0x10", "1e400", "1.5d"}) {
            assertThatThrownBy(() -> ApiTime.parseTime(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot parse \"" + bad + "\" to a valid timestamp");
        }
    }

    @Test
    void durationsAreSecondsOrPrometheusDurations() {
        assertThat(ApiTime.parseDuration("15")).isEqualTo(Duration.ofSeconds(15).toNanos());
        assertThat(ApiTime.parseDuration("0.5")).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(ApiTime.parseDuration("0")).isZero();
        assertThat(ApiTime.parseDuration("-1")).isEqualTo(-1_000_000_000L);
        assertThat(ApiTime.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5).toNanos());
        assertThat(ApiTime.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90).toNanos());
        assertThat(ApiTime.parseDuration("1d2h3m4s5ms")).isEqualTo(Duration.parse("P1DT2H3M4.005S").toNanos());
        assertThat(ApiTime.parseDuration("2w")).isEqualTo(Duration.ofDays(14).toNanos());
        assertThat(ApiTime.parseDuration("1y")).isEqualTo(Duration.ofDays(365).toNanos());
        assertThat(ApiTime.parseDuration("100ms")).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void otherTextIsNotADuration() {
        for (String bad : new String[] {"", "x", "1.5m", "-1s", "30m1h", "5 m", "1s1s", "100000000y"}) {
            assertThatThrownBy(() -> ApiTime.parseDuration(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot parse \"" + bad + "\" to a valid duration");
        }
        assertThatThrownBy(() -> ApiTime.parseDuration("1e10"))
                .hasMessage("cannot parse \"1e10\" to a valid duration. It overflows int64");
    }
}
