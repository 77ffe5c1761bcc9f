package dev.vigil.logging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogStoreSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void defaults() {
        LogStoreSettings d = LogStoreSettings.defaults();
        assertThat(d.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(d.retentionSize()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(d.segmentSize()).isEqualTo(ByteSize.ofMebibytes(64));
        assertThat(d.fsync()).isFalse();
    }

    @Test
    void bindsEachKeyAndKeepsDefaultsForTheRest() throws Exception {
        LogStoreSettings s = mapper.readValue("{\"retention\": \"PT48H\", \"retentionSize\": \"10GB\", "
                + "\"segmentSize\": \"512MiB\", \"fsync\": true}", LogStoreSettings.class);
        assertThat(s).isEqualTo(new LogStoreSettings(Duration.ofHours(48), ByteSize.ofMebibytes(10 * 1024),
                ByteSize.ofMebibytes(512), true));
        assertThat(mapper.readValue("{\"segmentSize\": 2097152}", LogStoreSettings.class).segmentSize())
                .isEqualTo(ByteSize.ofMebibytes(2));
        assertThat(mapper.readValue("{}", LogStoreSettings.class)).isEqualTo(LogStoreSettings.defaults());
    }

    @Test
    void unknownKeysAndBadValuesAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"retentionTime\": \"PT1H\"}", LogStoreSettings.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"retentionSize\": \"lots\"}", LogStoreSettings.class))
                .hasRootCauseMessage("'lots' is not a size: expected a number of bytes or a number with a unit, such as "
                        + "512MB or 10GiB (units B, KB, MB, GB, TB, PB, EB; each a power of 1024)");
    }

    @Test
    void validationNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> LogStoreSettings.defaults().withRetention(Duration.ZERO))
                .hasMessage("retention must be positive, got PT0S");
        assertThatThrownBy(() -> LogStoreSettings.defaults().withSegmentSize(ByteSize.parse("512KiB")))
                .hasMessage("segmentSize must be from 1MiB to 4GiB, got 512KiB");
        assertThatThrownBy(() -> LogStoreSettings.defaults().withRetentionSize(ByteSize.parse("10MiB")))
                .hasMessage("retentionSize must be 0B (no limit) or at least segmentSize (64MiB), got 10MiB");
        assertThat(LogStoreSettings.defaults().withRetentionSize(ByteSize.parse("64MiB")).retentionSize())
                .isEqualTo(ByteSize.ofMebibytes(64));
    }
}
