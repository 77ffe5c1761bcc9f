package dev.vigil.tracing.store;

import java.time.Duration;
import java.time.Instant;

/** Times and durations as nanoseconds, the way spans carry them, saturated at the ends of a {@code long}. */
final class Nanos {

    private Nanos() {}

    /** Nanoseconds since the epoch. */
    static long at(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The nanoseconds of {@code d}. */
    static long of(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The instant {@code nanos} nanoseconds after the epoch. */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
