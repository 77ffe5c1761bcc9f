package dev.vigil.alerting.gotext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void quotesAsGoDoes() {
        assertThat(GoText.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoText.quote("x{job=\"a\"}")).isEqualTo("\"x{job=\\\"a\\\"}\"");
        assertThat(GoText.quote("a\\b\nc\td")).isEqualTo("\"a\\\\b\\nc\\td\"");
        assertThat(GoText.quote("\u0001")).isEqualTo("\"\\x01\"");
        assertThat(GoText.quote("größe ✓")).isEqualTo("\"größe ✓\"");
        assertThat(GoText.quote("\u200b")).isEqualTo("\"\\u200b\"");
    }
}
