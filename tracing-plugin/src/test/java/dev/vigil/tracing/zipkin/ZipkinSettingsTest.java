package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZipkinSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void absentKeysKeepTheirDefaults() throws Exception {
        assertThat(mapper.readValue("{}", ZipkinSettings.class)).isEqualTo(ZipkinSettings.defaults());
        assertThat(ZipkinSettings.defaults()).isEqualTo(new ZipkinSettings(true, ByteSize.ofMebibytes(64), Duration.ofDays(1), List.of()));
    }

    @Test
    void bindsEachKey() throws Exception {
        assertThat(mapper.readValue("{\"enabled\": false, \"maxDecompressedBytes\": \"2MB\", \"defaultLookback\": \"PT6H\","
                + " \"autocompleteKeys\": [\"http.route\"]}", ZipkinSettings.class))
                .isEqualTo(new ZipkinSettings(false, ByteSize.ofMebibytes(2), Duration.ofHours(6), List.of("http.route")));
    }

    @Test
    void validationNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> new ZipkinSettings(true, ByteSize.ofBytes(0), Duration.ofDays(1), List.of()))
                .hasMessageStartingWith("maxDecompressedBytes must be positive");
        assertThatThrownBy(() -> new ZipkinSettings(true, ByteSize.ofBytes(1), Duration.ZERO, List.of()))
                .hasMessage("defaultLookback must be at least 1ms, got PT0S");
        assertThatThrownBy(() -> new ZipkinSettings(true, ByteSize.ofBytes(1), Duration.ofDays(1), List.of(" ")))
                .hasMessage("autocompleteKeys must not hold an empty name, got [ ]");
    }
}
