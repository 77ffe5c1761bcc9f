package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    @Test
    void picksTheParserByContentType() {
        assertThat(ExpositionParser.forContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"))
                .isInstanceOf(OpenMetricsParser.class);
        assertThat(ExpositionParser.forContentType("text/plain; version=0.0.4")).isInstanceOf(TextFormatParser.class);
        assertThat(ExpositionParser.forContentType("application/json")).isInstanceOf(TextFormatParser.class);
        assertThat(ExpositionParser.forContentType(null)).isInstanceOf(TextFormatParser.class);
    }
}
