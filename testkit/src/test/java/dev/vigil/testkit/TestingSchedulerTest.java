package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scheduled work under the test's control, with a plugin from the test's own class path. */
class TestingSchedulerTest {

    @Test
    void periodicTasksRunOnlyWhenTheClockIsAdvanced() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Instant> times = new CopyOnWriteArrayList<>();
        TestingClock clock = new TestingClock(Instant.parse("2026-03-01T00:00:00Z"));
        Plugin ticker = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.scheduler().scheduleAtFixedRate(() -> {
                    runs.incrementAndGet();
                    times.add(context.clock().instant());
                }, Duration.ofSeconds(30), Duration.ofMinutes(1));
            }
        };

        try (TestKernel kernel = TestKernel.builder().clock(clock).scheduleWithClock().plugin("ticker", "1.0.0", () -> ticker).start()) {
            assertThat(kernel.status("ticker")).get().extracting(s -> s.state()).isEqualTo(PluginState.ACTIVE);
            assertThat(runs).hasValue(0);

            clock.advance(Duration.ofSeconds(29));
            assertThat(runs).hasValue(0);

            clock.advance(Duration.ofSeconds(1));
            assertThat(times).containsExactly(Instant.parse("2026-03-01T00:00:30Z"));

            clock.advance(Duration.ofMinutes(3));

            assertThat(runs).as("a fixed-rate task catches up with every period the clock passed").hasValue(4);
            assertThat(times).hasSize(4).last().isEqualTo(Instant.parse("2026-03-01T00:03:30Z"));

            kernel.postAsAdmin("/api/v1/plugins/ticker/stop");
            clock.advance(Duration.ofHours(1));
            assertThat(runs).as("tasks are cancelled when the plugin stops").hasValue(4);
        }
    }

    @Test
    void cancelledTasksNeverRun() {
        TestingClock clock = new TestingClock();
        TestingScheduler scheduler = new TestingScheduler(clock);
        AtomicInteger runs = new AtomicInteger();

        scheduler.schedule(runs::incrementAndGet, Duration.ofSeconds(5)).close();
        scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int second = 0; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(runs).as("ten runs of the periodic task, none of the cancelled one").hasValue(10);
        assertThat(scheduler.pending()).isEqualTo(1);
    }
}
