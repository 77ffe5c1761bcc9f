package dev.vigil.metrics.promql.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void quotedStrings() {
        assertThat(GoStrings.quote("series")).isEqualTo("\"series\"");
        assertThat(GoStrings.quote("")).isEqualTo("\"\"");
        assertThat(GoStrings.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoStrings.quote("line\nnext\ttab")).isEqualTo("\"line\\nnext\\ttab\"");
        assertThat(GoStrings.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoStrings.quote("é ☃ 😀")).isEqualTo("\"é ☃ 😀\"");
        assertThat(GoStrings.quote("\u00a0")).isEqualTo("\"\\u00a0\"");
        assertThat(GoStrings.quote("tab\tand \u0000 and é and \u200b")).isEqualTo("\"tab\\tand \\x00 and é and \\u200b\"");
        assertThat(GoStrings.quoteRune('\'')).isEqualTo("'\\''");
    }

    @Test
    void printsBytesThatAreNotUtf8AsGoDoes() {
        assertThat(GoStrings.quote("a\uDCC5z")).isEqualTo("\"a\\xc5z\"");
        assertThat(GoStrings.isValidUtf8("a\uDCC5z")).isFalse();
        assertThat(GoStrings.isValidUtf8("héllo \uD83D\uDE00")).isTrue();
    }
}
