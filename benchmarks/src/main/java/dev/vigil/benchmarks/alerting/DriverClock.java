package dev.vigil.benchmarks.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the store and rule evaluation read: pinned to the evaluation time while the throughput rounds replay a
 * stretch of the recent past as fast as they can, then following the system clock for the latency rounds, which
 * run in real time. Thread-safe.
 */
final class DriverClock extends Clock {

    private static final long FOLLOW_SYSTEM = Long.MIN_VALUE;

    private volatile long pinnedMillis = FOLLOW_SYSTEM;

    /** From now on the clock reads {@code millis} until pinned again or told to follow the system clock. */
    void pin(long millis) {
        if (millis == FOLLOW_SYSTEM) {
            throw new IllegalArgumentException("cannot pin the clock to " + millis);
        }
        pinnedMillis = millis;
    }

    /** From now on the clock reads the system clock. */
    void followSystem() {
        pinnedMillis = FOLLOW_SYSTEM;
    }

    @Override
    public long millis() {
        long pinned = pinnedMillis;
        return pinned == FOLLOW_SYSTEM ? System.currentTimeMillis() : pinned;
    }

    @Override
    public Instant instant() {
        long pinned = pinnedMillis;
        return pinned == FOLLOW_SYSTEM ? Instant.now() : Instant.ofEpochMilli(pinned);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the driver's clock is UTC only, not " + zone);
    }
}
