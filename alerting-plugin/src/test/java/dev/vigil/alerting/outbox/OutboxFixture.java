package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.alerting.outbox.history.HistoryQuery;
import dev.vigil.testkit.TestingClock;
import dev.vigil.testkit.TestingScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An outbox in a directory with time, timers and workers under the test's control: nothing happens until the
 * test runs the executor or advances the clock. Opening again on the same directory is a restart.
 */
final class OutboxFixture implements AutoCloseable {

    final Path dir;
    final TestingClock clock = new TestingClock();
    final TestingScheduler scheduler = new TestingScheduler(clock);
    final TestingExecutor executor = new TestingExecutor();
    final ChannelDirectory directory = new ChannelDirectory();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Outbox> opened = new ArrayList<>();

    OutboxFixture(Path dir) {
        this.dir = dir;
    }

    /** An outbox with backoff from 1s to 60s and a grace of one hour, maintenance every hour. */
    Outbox open() {
        return open(b -> b);
    }

    Outbox open(UnaryOperator<OutboxBuilder> tune) {
        try {
            Outbox outbox = tune.apply(Outbox.builder(dir, directory, scheduler)
                    .clock(clock)
                    .executor(executor)
                    .meterRegistry(registry)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(60))
                    .receiverGrace(Duration.ofHours(1))
                    .maintenanceInterval(Duration.ofHours(1))
                    .closeTimeout(Duration.ofSeconds(5))).open();
            opened.add(outbox);
            return outbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every attempt that is due, and those that become due because of them. */
    int deliver() {
        return executor.runAll();
    }

    /** Moves time on, which fires due timers, then runs the attempts they started. */
    int advance(Duration duration) {
        clock.advance(duration);
        return executor.runAll();
    }

    /** The receiver {@code name} has one integration {@code webhook[0]} over {@code channel}. */
    void receiver(String name, TestingChannel channel) {
        directory.put(name, List.of(ChannelIntegration.available("webhook[0]", "webhook", channel)));
    }

    static List<HistoryEntry> history(Outbox outbox) {
        return outbox.history().query(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build()).entries();
    }

    @Override
    public void close() {
        for (Outbox outbox : opened) {
            outbox.close();
        }
    }
}
