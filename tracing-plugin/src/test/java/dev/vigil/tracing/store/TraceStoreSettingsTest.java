package dev.vigil.tracing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.kernel.config.ConfigMappers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceStoreSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void defaults() {
        TraceStoreSettings d = TraceStoreSettings.defaults();
        assertThat(d.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(d.retentionSize()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(d.segmentSize()).isEqualTo(ByteSize.ofMebibytes(64));
        assertThat(d.fsync()).isFalse();
        assertThat(d.tailSampling()).isEqualTo(new TraceStoreSettings.TailSampling(false, Duration.ofSeconds(30),
                Duration.ofSeconds(1), 0.1));
    }

    @Test
    void bindsEachKeyAndKeepsDefaultsForTheRest() throws Exception {
        TraceStoreSettings s = mapper.readValue("{\"retention\": \"PT48H\", \"retentionSize\": \"10GB\", "
                + "\"segmentSize\": \"512MiB\", \"fsync\": true, \"tailSampling\": {\"enabled\": true, "
                + "\"decisionWait\": \"PT10S\", \"latencyThreshold\": \"PT0.5S\", \"sampleRate\": 0.25}}",
                TraceStoreSettings.class);
        assertThat(s).isEqualTo(new TraceStoreSettings(Duration.ofHours(48), ByteSize.ofMebibytes(10 * 1024),
                ByteSize.ofMebibytes(512), true, TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(10),
                        Duration.ofMillis(500), 0.25)));
        assertThat(mapper.readValue("{\"segmentSize\": 2097152}", TraceStoreSettings.class).segmentSize())
                .isEqualTo(ByteSize.ofMebibytes(2));
        assertThat(mapper.readValue("{\"tailSampling\": {\"enabled\": true}}", TraceStoreSettings.class).tailSampling())
                .isEqualTo(new TraceStoreSettings.TailSampling(true, Duration.ofSeconds(30), Duration.ofSeconds(1), 0.1));
        assertThat(mapper.readValue("{}", TraceStoreSettings.class)).isEqualTo(TraceStoreSettings.defaults());
    }

    @Test
    void bindsTheYamlAUserWritesWithThePlatformsMapper() throws Exception {
        String yaml = """
                retention: 3d
                retentionSize: 20GiB
                segmentSize: 128MiB
                tailSampling:
                  enabled: true
                  decisionWait: 45s
                  latencyThreshold: 750ms
                  sampleRate: 0.05
                """;
        TraceStoreSettings s = ConfigMappers.strict().treeToValue(new YAMLMapper().readTree(yaml), TraceStoreSettings.class);
        assertThat(s).isEqualTo(new TraceStoreSettings(Duration.ofDays(3), ByteSize.ofMebibytes(20 * 1024),
                ByteSize.ofMebibytes(128), false, TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(45),
                        Duration.ofMillis(750), 0.05)));
        assertThatThrownBy(() -> ConfigMappers.strict().treeToValue(new YAMLMapper().readTree("tailSampling:\n  enabled: 1\n"),
                TraceStoreSettings.class)).isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }

    @Test
    void unknownKeysAndBadValuesAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"retentionTime\": \"PT1H\"}", TraceStoreSettings.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"tailSampling\": {\"rate\": 0.5}}", TraceStoreSettings.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"retentionSize\": \"lots\"}", TraceStoreSettings.class))
                .hasRootCauseMessage("'lots' is not a size: expected a number of bytes or a number with a unit, such as "
                        + "512MB or 10GiB (units B, KB, MB, GB, TB, PB, EB; each a power of 1024)");
        assertThatThrownBy(() -> mapper.readValue("{\"tailSampling\": {\"sampleRate\": 1.5}}", TraceStoreSettings.class))
                .hasRootCauseMessage("tailSampling.sampleRate must be from 0 to 1, got 1.5");
    }

    @Test
    void validationNamesTheKeyAndTheValue() {
        TraceStoreSettings d = TraceStoreSettings.defaults();
        assertThatThrownBy(() -> d.withRetention(Duration.ZERO)).hasMessage("retention must be positive, got PT0S");
        assertThatThrownBy(() -> d.withSegmentSize(ByteSize.parse("512KiB")))
                .hasMessage("segmentSize must be from 1MiB to 4GiB, got 512KiB");
        assertThatThrownBy(() -> d.withRetentionSize(ByteSize.parse("10MiB")))
                .hasMessage("retentionSize must be 0B (no limit) or at least segmentSize (64MiB), got 10MiB");
        assertThat(d.withRetentionSize(ByteSize.parse("64MiB")).retentionSize()).isEqualTo(ByteSize.ofMebibytes(64));
        assertThatThrownBy(() -> TraceStoreSettings.TailSampling.enabled(Duration.ZERO, Duration.ofSeconds(1), 0.1))
                .hasMessage("tailSampling.decisionWait must be positive and at most PT1H, got PT0S");
        assertThatThrownBy(() -> TraceStoreSettings.TailSampling.enabled(Duration.ofHours(2), Duration.ofSeconds(1), 0.1))
                .hasMessage("tailSampling.decisionWait must be positive and at most PT1H, got PT2H");
        assertThatThrownBy(() -> TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(1), Duration.ofSeconds(-1), 0.1))
                .hasMessage("tailSampling.latencyThreshold must not be negative, got PT-1S");
        assertThatThrownBy(() -> TraceStoreSettings.TailSampling.enabled(Duration.ofSeconds(1), Duration.ZERO, Double.NaN))
                .hasMessage("tailSampling.sampleRate must be from 0 to 1, got NaN");
    }
}
