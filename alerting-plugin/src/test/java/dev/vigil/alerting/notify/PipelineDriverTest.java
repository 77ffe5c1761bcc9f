package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDriverTest {

    private static final String CONFIG = """
            global: {resolve_timeout: 1d}
            route: {receiver: team, group_wait: 45s}
            receivers: [{name: team}]
            """;

    @TempDir
    Path dir;

    @Test
    void waitsForMaintenanceWhenNothingIsDueAndMovesForwardForNewDeadlines() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            assertThat(h.driver.scheduledAt()).contains(h.at(Duration.ofSeconds(30)));
            assertThat(h.scheduler.pending()).isEqualTo(1);
            h.advance(Duration.ofSeconds(10));
            h.fire("alertname", "Down");
            assertThat(h.driver.scheduledAt()).as("saving the new alert").contains(h.at(Duration.ofSeconds(10)));
            h.advance(Duration.ZERO);
            assertThat(h.driver.scheduledAt()).as("maintenance, 30s after the last tick, is sooner than the group")
                    .contains(h.at(Duration.ofSeconds(40)));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.driver.scheduledAt()).as("the group's timer").contains(h.at(Duration.ofSeconds(55)));
            assertThat(h.scheduler.pending()).isEqualTo(1);
            h.advance(Duration.ofSeconds(15));
            assertThat(h.take()).hasSize(1);
        }
    }

    @Test
    void aClosedDriverSchedulesNothingMore() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.driver.close();
            assertThat(h.scheduler.pending()).isZero();
            h.fire("alertname", "Down");
            assertThat(h.scheduler.pending()).isZero();
            h.advance(Duration.ofMinutes(5));
            assertThat(h.take()).isEmpty();
            // The pipeline can still be ticked by hand.
            h.pipeline.tick();
            assertThat(h.take()).hasSize(1);
        }
    }

    @Test
    void aDeadlineThatIsAlreadyDueRunsAtOnce() {
        try (PipelineHarness h = new PipelineHarness(dir, CONFIG)) {
            h.pipeline.receive(java.util.List.of(PipelineHarness.firing(h.start.minus(Duration.ofHours(1)),
                    "alertname", "Down")));
            assertThat(h.driver.scheduledAt()).contains(h.start);
            h.advance(Duration.ZERO);
            assertThat(h.take()).hasSize(1);
        }
    }
}
