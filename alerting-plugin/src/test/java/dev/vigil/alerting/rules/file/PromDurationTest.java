package dev.vigil.alerting.rules.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

    @Test
    void readsEveryUnitInOrder() {
        assertThat(PromDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(PromDuration.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("2m59s999ms")).isEqualTo(Duration.ofMillis(179_999));
        assertThat(PromDuration.parse("1y1w1d")).isEqualTo(Duration.ofDays(373));
        assertThat(PromDuration.parse("100d")).isEqualTo(Duration.ofDays(100));
        assertThat(PromDuration.parse("10ms")).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void refusesWhatPrometheusRefuses() {
        assertThatThrownBy(() -> PromDuration.parse("5x")).hasMessage("not a valid duration string: \"5x\"");
        assertThatThrownBy(() -> PromDuration.parse("1m1h")).hasMessage("not a valid duration string: \"1m1h\"");
        assertThatThrownBy(() -> PromDuration.parse("1.5h")).hasMessage("not a valid duration string: \"1.5h\"");
        assertThatThrownBy(() -> PromDuration.parse("-5m")).hasMessage("not a valid duration string: \"-5m\"");
        assertThatThrownBy(() -> PromDuration.parse("")).hasMessage("empty duration string");
        assertThatThrownBy(() -> PromDuration.parse("5")).hasMessage("not a valid duration string: \"5\"");
    }

    @Test
    void printsAsPrometheusPrints() {
        assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(PromDuration.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(PromDuration.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(PromDuration.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(PromDuration.format(Duration.ofDays(106_700))).isEqualTo("106700d");
        assertThat(PromDuration.format(Duration.ofDays(730))).isEqualTo("2y");
        assertThat(PromDuration.format(Duration.ofMillis(179_999))).isEqualTo("2m59s999ms");
        assertThat(PromDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}
