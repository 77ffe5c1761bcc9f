package dev.vigil.alerting.rules.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoFormatTest {

    @Test
    void printsFloatsAsGoDoesWithE() {
        assertThat(GoFormat.scientific(1)).isEqualTo("1E+00");
        assertThat(GoFormat.scientific(60)).isEqualTo("6E+01");
        assertThat(GoFormat.scientific(9_218_880_000d)).isEqualTo("9.21888E+09");
        assertThat(GoFormat.scientific(-0.25)).isEqualTo("-2.5E-01");
        assertThat(GoFormat.scientific(1e100)).isEqualTo("1E+100");
        assertThat(GoFormat.scientific(0)).isEqualTo("0E+00");
        assertThat(GoFormat.scientific(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.scientific(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void printsDurationsAsGoDoes() {
        assertThat(GoFormat.goDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoFormat.goDuration(Duration.ofMinutes(1))).isEqualTo("1m0s");
        assertThat(GoFormat.goDuration(Duration.ofDays(1))).isEqualTo("24h0m0s");
        assertThat(GoFormat.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoFormat.goDuration(Duration.ofMillis(179_999))).isEqualTo("2m59.999s");
        assertThat(GoFormat.goDuration(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    @Test
    void printsLabelsAsPrometheusDoes() {
        assertThat(GoFormat.labels(Labels.of("__name__", "up", "job", "a\"b"))).isEqualTo("{__name__=\"up\", job=\"a\\\"b\"}");
        assertThat(GoFormat.labels(Labels.of("my.label", "x"))).isEqualTo("{\"my.label\"=\"x\"}");
        assertThat(GoFormat.labels(Labels.EMPTY)).isEqualTo("{}");
    }
}
