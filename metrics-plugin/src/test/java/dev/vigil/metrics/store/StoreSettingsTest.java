package dev.vigil.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void defaults() {
        StoreSettings d = StoreSettings.defaults();
        assertThat(d.retention()).isEqualTo(Duration.ofDays(15));
        assertThat(d.retentionSize()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(d.maxSeriesPerMetric()).isEqualTo(100_000);
        assertThat(d.blockDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(d.fsync()).isFalse();
    }

    @Test
    void bindsEachKeyAndKeepsDefaultsForTheRest() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        StoreSettings s = mapper.readValue("{\"retentionSize\": \"512MB\", \"maxSeriesPerMetric\": 5, \"fsync\": true, "
                + "\"retention\": \"PT48H\"}", StoreSettings.class);
        assertThat(s).isEqualTo(new StoreSettings(Duration.ofHours(48), ByteSize.ofMebibytes(512), 5, Duration.ofHours(2), true));
        assertThat(mapper.readValue("{}", StoreSettings.class)).isEqualTo(StoreSettings.defaults());
    }

    @Test
    void validationNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> new StoreSettings(Duration.ZERO, ByteSize.ofBytes(0), 1, Duration.ofHours(2), false))
                .hasMessage("retention must be positive, got PT0S");
        assertThatThrownBy(() -> new StoreSettings(Duration.ofDays(1), ByteSize.ofBytes(0), 0, Duration.ofHours(2), false))
                .hasMessage("maxSeriesPerMetric must be positive, got 0");
        assertThatThrownBy(() -> new StoreSettings(Duration.ofDays(1), ByteSize.ofBytes(0), 1, Duration.ofMillis(10), false))
                .hasMessage("blockDuration must be at least 1s, got PT0.01S");
    }
}
