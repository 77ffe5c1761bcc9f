package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "10s, PT10S",
        "5m, PT5M",
        "1h, PT1H",
        "2d, PT48H",
        "0s, PT0S",
        "PT10S, PT10S",
        "pt1m30s, PT1M30S",
        "' 10s ', PT10S"
    })
    void parsesAcceptedForms(String text, String expected) {
        assertThat(Durations.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10 s", "10sec", "1.5s", "-5s", "10S", "5M", "P", "PTXS", "99999999999999999999d"})
    void rejectsEverythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.25S, 250ms",
        "PT10S, 10s",
        "PT90S, 90s",
        "PT5M, 5m",
        "PT48H, 2d",
        "PT0S, 0s",
        "PT-1S, -1s",
        "PT0.0000001S, PT0.0000001S"
    })
    void formatsInTheShortestExactForm(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
    }
}
