package dev.vigil.metrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.engine.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbSandboxesTest {

    private static final Labels UP = Labels.of("__name__", "up", "job", "api");

    @TempDir
    Path root;

    @Test
    void aSandboxStartsEmptyTakesSamplesFrom1970AndIsDeletedOnClose() throws Exception {
        TsdbSandboxes sandboxes = TsdbSandboxes.in(root.resolve("sandboxes"), EngineSettings.defaults());
        Path folder;
        try (MetricSandbox sandbox = sandboxes.create(Duration.ofMinutes(1))) {
            assertThat(sandbox.query().instant("up", Instant.EPOCH).value()).isEqualTo(new QueryValue.VectorValue(java.util.List.of()));
            try (MetricAppender appender = sandbox.store().appender()) {
                for (int minute = 0; minute <= 10; minute++) {
                    appender.append(0, UP, minute * 60_000L, minute);
                }
                assertThat(appender.commit()).isEqualTo(11);
            }
            QueryValue value = sandbox.query().instant("sum_over_time(up[10m])", Instant.ofEpochSecond(600)).value();
            assertThat(((QueryValue.VectorValue) value).samples()).singleElement()
                    .satisfies(s -> assertThat(s.value()).isEqualTo(55.0));
            try (Stream<Path> folders = Files.list(root.resolve("sandboxes"))) {
                folder = folders.findFirst().orElseThrow();
            }
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void sandboxesAreIndependentOfEachOther() throws Exception {
        TsdbSandboxes sandboxes = TsdbSandboxes.in(root, EngineSettings.defaults());
        try (MetricSandbox first = sandboxes.create(Duration.ofMinutes(1)); MetricSandbox second = sandboxes.create(Duration.ofMinutes(1))) {
            try (MetricAppender appender = first.store().appender()) {
                appender.append(0, UP, 0, 1);
                appender.commit();
            }
            assertThat(((QueryValue.VectorValue) first.query().instant("up", Instant.EPOCH).value()).samples()).hasSize(1);
            assertThat(((QueryValue.VectorValue) second.query().instant("up", Instant.EPOCH).value()).samples()).isEmpty();
        }
    }

    @Test
    void subqueriesWithoutAStepUseTheSandboxesDefaultStep() throws Exception {
        TsdbSandboxes sandboxes = TsdbSandboxes.in(root, EngineSettings.defaults());
        for (long stepSeconds : new long[] {60, 20}) {
            try (MetricSandbox sandbox = sandboxes.create(Duration.ofSeconds(stepSeconds))) {
                try (MetricAppender appender = sandbox.store().appender()) {
                    for (int second = 0; second <= 600; second += 10) {
                        appender.append(0, UP, second * 1000L, 1);
                    }
                    appender.commit();
                }
                QueryValue value = sandbox.query().instant("count_over_time(up[10m:])", Instant.ofEpochSecond(600)).value();
                // the subquery's steps after 0 up to 600 s
                assertThat(((QueryValue.VectorValue) value).samples()).singleElement()
                        .satisfies(s -> assertThat(s.value()).isEqualTo(600.0 / stepSeconds));
            }
        }
    }

    @Test
    void foldersLeftByAnEarlierProcessAreDeleted() throws Exception {
        Path left = Files.createDirectories(root.resolve("sandbox-123/wal"));
        TsdbSandboxes.in(root, EngineSettings.defaults());
        assertThat(left).doesNotExist();
    }
}
