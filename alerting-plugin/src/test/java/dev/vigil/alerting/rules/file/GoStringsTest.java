package dev.vigil.alerting.rules.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void quotesAsGoDoes() {
        assertThat(GoStrings.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoStrings.quote("x{job=\"a\"}")).isEqualTo("\"x{job=\\\"a\\\"}\"");
        assertThat(GoStrings.quote("a\\b\nc\td")).isEqualTo("\"a\\\\b\\nc\\td\"");
        assertThat(GoStrings.quote("\u0001")).isEqualTo("\"\\x01\"");
        assertThat(GoStrings.quote("größe ✓")).isEqualTo("\"größe ✓\"");
        assertThat(GoStrings.quote("\u200b")).isEqualTo("\"\\u200b\"");
    }
}
