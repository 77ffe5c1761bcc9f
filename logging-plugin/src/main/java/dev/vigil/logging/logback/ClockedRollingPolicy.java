package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedFileNamingAndTriggeringPolicy;
import java.io.File;
import java.time.Clock;

/**
 * Logback's size-and-time rolling with the time taken from a {@link Clock}, so that the day a file belongs to, when
 * it rolls over and which days are old enough to delete all follow the platform's clock rather than the system's
 * (the same thing in production; a clock tests move in steps of days).
 *
 * <p>Called, like its parent, under the appender's lock.
 */
final class ClockedRollingPolicy<E> extends SizeAndTimeBasedRollingPolicy<E> {

    private final Clock clock;

    ClockedRollingPolicy(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void start() {
        super.start();
        setTime();
    }

    @Override
    public boolean isTriggeringEvent(File activeFile, E event) {
        setTime();
        return super.isTriggeringEvent(activeFile, event);
    }

    private void setTime() {
        TimeBasedFileNamingAndTriggeringPolicy<E> policy = getTimeBasedFileNamingAndTriggeringPolicy();
        if (policy != null) {
            policy.setCurrentTime(clock.millis());
        }
    }
}
