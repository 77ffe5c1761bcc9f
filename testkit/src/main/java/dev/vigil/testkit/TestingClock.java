package dev.vigil.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that moves only when the test moves it. Thread-safe; every {@link #advance} is seen by all
 * threads at once, and a {@link TestingScheduler} built on it runs the tasks that become due.
 */
public final class TestingClock extends Clock {

    private final ZoneId zone;
    private final Object lock;
    private final List<Consumer<Instant>> listeners;
    private Instant now;

    /** A clock at {@code start}, in UTC. */
    public TestingClock(Instant start) {
        this(start, ZoneOffset.UTC, new Object(), new CopyOnWriteArrayList<>());
    }

    /** A clock at 2026-01-01T00:00:00Z. */
    public TestingClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private TestingClock(Instant start, ZoneId zone, Object lock, List<Consumer<Instant>> listeners) {
        this.now = requireNonNull(start, "start is null");
        this.zone = zone;
        this.lock = lock;
        this.listeners = listeners;
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a testing clock only moves forward: " + duration);
        }
        Instant after;
        synchronized (lock) {
            now = now.plus(duration);
            after = now;
        }
        listeners.forEach(l -> l.accept(after));
    }

    /** Sets the clock to {@code instant}, which must not be in its past. */
    public void set(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    void onAdvance(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        synchronized (lock) {
            return new TestingClock(now, zone, lock, listeners);
        }
    }
}
