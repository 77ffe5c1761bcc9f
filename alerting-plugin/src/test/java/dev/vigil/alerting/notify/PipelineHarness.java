package dev.vigil.alerting.notify;

import dev.vigil.alerting.notify.config.NotifyConfig;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import dev.vigil.testkit.TestingClock;
import dev.vigil.testkit.TestingScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline on a testing clock, driven by a {@link PipelineDriver} over a testing scheduler: time moves only when
 * the test moves it, and every scheduled tick runs at exactly its time.
 */
final class PipelineHarness implements AutoCloseable {

    /** A Monday, 10:00 UTC. */
    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    final Instant start;
    final TestingClock clock;
    final TestingScheduler scheduler;
    final TestingSink sink = new TestingSink();
    final List<Notification> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Path directory;
    NotificationPipeline pipeline;
    PipelineDriver driver;

    PipelineHarness(Path directory, String yaml) {
        this(directory, yaml, START);
    }

    PipelineHarness(Path directory, String yaml, Instant start) {
        this.directory = directory;
        this.start = start;
        this.clock = new TestingClock(start);
        this.scheduler = new TestingScheduler(clock);
        start(PipelineConfig.compile(NotifyConfig.fromYaml(yaml)));
    }

    private void start(PipelineConfig config) {
        pipeline = NotificationPipeline.builder().config(config).sink(sink).dataDirectory(directory).clock(clock)
                .externalUrl("http://vigil.test").alertSnapshotInterval(Duration.ZERO).acknowledgementSink(acknowledged::add).build();
        driver = PipelineDriver.start(pipeline, scheduler::schedule);
    }

    /** Stops as after {@code kill -9}: nothing more runs or is saved. Time may pass before {@link #startAgain}. */
    void crash() {
        driver.close();
    }

    /** Closes cleanly: everything is saved. */
    void stop() {
        driver.close();
        pipeline.close();
    }

    /** Starts a new pipeline on the same directory and configuration. */
    void startAgain() {
        start(pipeline.config());
    }

    /** Sends alerts that fire since now, each given as label name/value pairs. */
    void fire(String... labels) {
        pipeline.receive(List.of(firing(clock.instant(), labels)));
    }

    /** Sends the resolution, now, of an alert that fired since {@code startsAt}. */
    void resolve(Instant startsAt, String... labels) {
        pipeline.receive(List.of(resolved(startsAt, clock.instant(), labels)));
    }

    static Alert firing(Instant startsAt, String... labels) {
        return new Alert(AlertStatus.FIRING, map(labels), Map.of(), startsAt, Optional.empty(), "", "");
    }

    static Alert resolved(Instant startsAt, Instant endsAt, String... labels) {
        return new Alert(AlertStatus.RESOLVED, map(labels), Map.of(), startsAt, Optional.of(endsAt), "", "");
    }

    static Map<String, String> map(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Moves time forward by {@code duration}, running every tick at its scheduled instant on the way. */
    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        for (int steps = 0; ; steps++) {
            if (steps > 1_000_000) {
                throw new AssertionError("the scheduler never settles");
            }
            List<Instant> due = scheduler.dueTimes();
            if (due.isEmpty() || due.get(0).isAfter(end)) {
                break;
            }
            if (due.get(0).isAfter(clock.instant())) {
                clock.set(due.get(0));
            } else {
                scheduler.runDue();
            }
        }
        if (end.isAfter(clock.instant())) {
            clock.set(end);
        }
    }

    /** Moves time to {@code instant}. */
    void advanceTo(Instant instant) {
        advance(Duration.between(clock.instant(), instant));
    }

    /** The notifications handed to the outbox since the last call. */
    List<Notification> take() {
        return sink.take();
    }

    /** The instant {@code offset} after the start. */
    Instant at(Duration offset) {
        return start.plus(offset);
    }

    @Override
    public void close() {
        driver.close();
        pipeline.close();
    }
}
