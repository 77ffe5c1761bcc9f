package dev.vigil.metrics.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import org.junit.jupiter.api.Test;

class OtlpSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void defaults() throws Exception {
        assertThat(OtlpSettings.defaults()).isEqualTo(new OtlpSettings(ByteSize.ofMebibytes(64), true, true));
        assertThat(mapper.readValue("{}", OtlpSettings.class)).isEqualTo(OtlpSettings.defaults());
    }

    @Test
    void explicitPropertyMappings() throws Exception {
        OtlpSettings settings = mapper.readValue("{\"maxDecompressedBytes\":\"8MB\",\"targetInfo\":false,\"scopeLabels\":false}",
                OtlpSettings.class);

        assertThat(settings).isEqualTo(new OtlpSettings(ByteSize.ofMebibytes(8), false, false));
    }

    @Test
    void zeroSizeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new OtlpSettings(ByteSize.ofBytes(0), true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDecompressedBytes must be positive, got 0B");
    }
}
