package dev.vigil.logging.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The settings bind strictly: absent keys keep Loki's defaults, bad values name their key. */
class LokiSettingsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void defaults() throws Exception {
        assertThat(MAPPER.readValue("{}", LokiSettings.class)).isEqualTo(new LokiSettings(5000, 500)).isEqualTo(LokiSettings.defaults());
    }

    @Test
    void explicitValues() throws Exception {
        assertThat(MAPPER.readValue("{\"maxEntriesLimitPerQuery\":100,\"maxQuerySeries\":20}", LokiSettings.class))
                .isEqualTo(new LokiSettings(100, 20));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"maxEntriesLimitPerQuery\":0}", LokiSettings.class))
                .hasRootCauseMessage("maxEntriesLimitPerQuery must be from 1 to 10000, got 0");
        assertThatThrownBy(() -> MAPPER.readValue("{\"maxQuerySeries\":-1}", LokiSettings.class))
                .hasRootCauseMessage("maxQuerySeries must be positive, got -1");
        assertThatThrownBy(() -> MAPPER.readValue("{\"maxSeries\":1}", LokiSettings.class)).hasMessageContaining("maxSeries");
    }
}
