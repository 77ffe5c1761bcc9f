package dev.vigil.tracing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import org.junit.jupiter.api.Test;

class OtlpTracesSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void absentKeysKeepTheirDefaults() throws Exception {
        assertThat(mapper.readValue("{}", OtlpTracesSettings.class)).isEqualTo(OtlpTracesSettings.defaults());
        assertThat(OtlpTracesSettings.defaults()).isEqualTo(new OtlpTracesSettings(true, ByteSize.ofMebibytes(64)));
    }

    @Test
    void bindsEachKey() throws Exception {
        assertThat(mapper.readValue("{\"enabled\": false, \"maxDecompressedBytes\": \"1MiB\"}", OtlpTracesSettings.class))
                .isEqualTo(new OtlpTracesSettings(false, ByteSize.ofMebibytes(1)));
    }

    @Test
    void refusesACapThatCannotBeDecodedInMemory() {
        assertThatThrownBy(() -> new OtlpTracesSettings(true, ByteSize.ofBytes(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxDecompressedBytes must be positive and below 2GiB");
        assertThatThrownBy(() -> new OtlpTracesSettings(true, ByteSize.ofMebibytes(4096)))
                .hasMessageContaining("maxDecompressedBytes");
    }
}
