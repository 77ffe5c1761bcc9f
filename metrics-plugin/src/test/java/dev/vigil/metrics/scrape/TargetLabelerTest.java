package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import org.junit.jupiter.api.Test;

class TargetLabelerTest {

    private final Labels target = Labels.of("job", "api", "instance", "a:1");

    @Test
    void targetLabelsWinAndExposedOnesAreKeptUnderExported() {
        Labels exposed = Labels.of("__name__", "m", "job", "batch", "exported_job", "taken");
        assertThat((Object) TargetLabeler.sampleLabels(exposed, target, false))
                .isEqualTo(Labels.of("__name__", "m", "job", "api", "instance", "a:1", "exported_job", "taken", "exported_exported_job", "batch"));
    }

    @Test
    void honoredExposedLabelsWin() {
        Labels exposed = Labels.of("__name__", "m", "job", "batch");
        assertThat((Object) TargetLabeler.sampleLabels(exposed, target, true)).isEqualTo(Labels.of("__name__", "m", "job", "batch", "instance", "a:1"));
    }

    @Test
    void noConflictAddsTheTargetLabels() {
        assertThat((Object) TargetLabeler.sampleLabels(Labels.of("__name__", "m"), target, false))
                .isEqualTo(Labels.of("__name__", "m", "job", "api", "instance", "a:1"));
    }
}
